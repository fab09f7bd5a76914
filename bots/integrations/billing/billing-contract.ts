import { z } from 'zod';
import { zones } from '../../../core/features/readings/meter';

/** Billing's answers as docs/billing-api.yaml has them: what comes in is parsed, never trusted. */
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const time = z.iso.datetime({ offset: true });
const zone = z.enum(zones);
const count = z.number().int().min(0);

export const accountSchema = z.object({
  number: z.string().regex(/^\d{12}$/),
  payerName: z.string().nullable(),
  address: z.string().min(1),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  residents: count,
  seasonalityFactor: z.number().positive(),
  socialNormKwh: count.nullable(),
  balanceKopecks: z.number().int(),
  earlierDebtKopecks: z.number().int(),
  demo: z.boolean().optional(),
});

export const statementsSchema = z.object({
  statements: z.array(z.object({ period, openingBalanceKopecks: z.number().int(), chargedKopecks: z.number().int(), closingBalanceKopecks: z.number().int() })),
});

export const paymentsSchema = z.object({
  payments: z.array(z.object({ paidAt: time, amountKopecks: z.number().int().positive(), source: z.string() })),
});

export const tariffsSchema = z.object({ tariffs: z.array(z.object({ zone, kopecksPerKwh: count })) });

const zoneReading = z.object({ value: count, at: time }).nullable();

export const metersSchema = z.object({
  meters: z.array(
    z.object({
      serialNumber: z.string().min(1),
      digits: z.number().int().min(1).max(9),
      zones: z.array(z.object({ zone, lastAccepted: zoneReading, submitted: zoneReading, usualKwh: count, closed: z.boolean() })).min(1),
    }),
  ),
});

export const readingsSchema = z.object({
  readings: z.array(
    z.object({ serialNumber: z.string(), zone, period, submittedAt: time, channel: z.string(), value: count, consumptionKwh: count, accepted: z.boolean() }),
  ),
});

export const submissionOutcomeSchema = z.object({ outcome: z.enum(['saved', 'replaced']) });

export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
