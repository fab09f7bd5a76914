import type { MikroORM } from '@mikro-orm/core';
import { demoAccounts } from './demo-accounts';
import { demoHistory } from './demo-history';
import { Account, Meter, MonthlyCharge, Payment } from './entities';

/**
 * Writes the demo accounts with their history as of `now`. Run again, it refreshes the history
 * (so the linking payment is recent again) and keeps the chats linked to them.
 */
export async function seedDemoAccounts(orm: MikroORM, now: Date): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    for (const demo of demoAccounts) {
      const history = demoHistory(demo, now);
      const fields = {
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
      await em.nativeDelete(Meter, { account });
      await em.insert(Meter, { account, ...demo.meter, installedOn: '2015-01-01' });
      await em.insertMany(MonthlyCharge, history.charges.map((charge) => ({ account, ...charge })));
      await em.insertMany(Payment, history.payments.map((payment) => ({ account, ...payment })));
    }
  });
}

/** True when the embedded database has no demo accounts yet. */
export async function needsDemoAccounts(orm: MikroORM): Promise<boolean> {
  return (await orm.em.fork().count(Account, { demo: true })) === 0;
}
