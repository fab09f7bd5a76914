import type { MikroORM } from '@mikro-orm/core';
import { billingPeriod } from '../core/features/readings/meter';
import { demoAccounts, type DemoAccount } from './demo-accounts';
import { demoHistory } from './demo-history';
import { demoReadings } from './demo-readings';
import { demoTariffRows } from './demo-tariffs';
import { inTransaction } from './transaction';
import { Account, EReceiptSubscription, Meter, MeterReading, MonthlyCharge, Payment, Tariff } from './entities';

export interface DemoSeeding {
  /** The supplier's time zone: it decides which months are billed. */
  readonly timeZone: string;
  readonly accounts?: readonly DemoAccount[];
}

/**
 * Writes the demo accounts with their history as of `now`. Run again, it refreshes the history
 * (so the linking payment is recent again) and keeps the chats linked to them.
 */
export async function seedDemoAccounts(orm: MikroORM, now: Date, { timeZone, accounts = demoAccounts }: DemoSeeding): Promise<void> {
  await inTransaction(orm, async (em) => {
    await em.nativeDelete(Tariff, {});
    await em.insertMany(Tariff, demoTariffRows(Number(billingPeriod(now, timeZone).slice(0, 4))));
    for (const demo of accounts) {
      const history = demoHistory(demo, now, timeZone);
      const fields = {
        payerName: demo.payerName,
        address: demo.address,
        phone: demo.phone,
        email: demo.email,
        region: demo.region,
        residents: demo.residents,
        seasonalityFactor: demo.seasonalityFactor,
        socialNormKwh: demo.socialNormKwh,
        balanceKopecks: history.balanceKopecks,
        earlierDebtKopecks: history.earlierDebtKopecks,
        demo: true,
      };
      await em.upsert(Account, { number: demo.number, ...fields });
      const account = demo.number;
      await em.nativeDelete(Payment, { account });
      await em.nativeDelete(MonthlyCharge, { account });
      await em.nativeDelete(MeterReading, { meter: { account } });
      await em.nativeDelete(Meter, { account });
      await em.nativeDelete(EReceiptSubscription, { account });
      if (demo.eReceiptSince) await em.insert(EReceiptSubscription, { account, email: demo.email, fromPeriod: demo.eReceiptSince, untilPeriod: null });
      const { serialNumber, zones, digits } = demo.meter;
      const meter = await em.insert(Meter, { account, serialNumber, zones, digits, installedOn: '2015-01-01' });
      await em.insertMany(
        MeterReading,
        demoReadings(demo, history.charges).map((reading) => ({ meter, ...reading })),
      );
      await em.insertMany(
        MonthlyCharge,
        history.charges.map(({ zoneKwh: _split, ...charge }) => ({ account, ...charge })),
      );
      await em.insertMany(
        Payment,
        history.payments.map((payment) => ({ account, ...payment })),
      );
    }
  });
}

/** True when the embedded database lacks the demo accounts, or data a newer version seeds with them. */
export async function needsDemoAccounts(orm: MikroORM): Promise<boolean> {
  const em = orm.em.fork();
  return (await em.count(Account, { demo: true })) === 0 || (await em.count(MeterReading, {})) === 0 || (await em.count(Tariff, {})) === 0;
}
