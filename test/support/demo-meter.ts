import type { MikroORM } from '@mikro-orm/core';
import type { Zone } from '../../core/features/readings/meter';
import { Meter, MeterReading } from '../../db/entities';

/** What the next reading adds to the last accepted one: well inside the sanity rules. */
export const nextConsumptionKwh = 84;

/**
 * One zone of a demo meter as the database a test made holds it. The demo history runs up to the
 * month before the day the app seeded it, so what a test types is worked out from here, never
 * written down on the day the test was.
 */
export interface DemoZone {
  readonly zone: Zone;
  /** The last accepted reading, and when it was given. */
  readonly last: number;
  readonly lastAt: Date;
  /** A plausible next reading. */
  readonly next: number;
  /** A value the bot refuses as lower than the last accepted one. */
  readonly below: number;
}

/** The zones of an account's meter, in the order the bot asks for them. */
export async function demoZones(orm: MikroORM, account: string): Promise<DemoZone[]> {
  const em = orm.em.fork();
  const meter = await em.findOneOrFail(Meter, { account });
  const zones: DemoZone[] = [];
  for (const zone of meter.zones) {
    const last = await em.findOneOrFail(MeterReading, { meter, zone, accepted: true }, { orderBy: { period: 'desc' } });
    zones.push({ zone, last: last.value, lastAt: last.submittedAt, next: last.value + nextConsumptionKwh, below: last.value - 316 });
  }
  return zones;
}

/** The single-zone meter of demo account 1. */
export async function demoMeter(orm: MikroORM): Promise<DemoZone> {
  const [single] = await demoZones(orm, '100000000001');
  return single as DemoZone;
}
