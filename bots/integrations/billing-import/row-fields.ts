import { z } from 'zod';
import { zones, type Zone } from '../../../core/features/readings/meter';

/** How a billing file is written: CSV cells are all text, NDJSON values are typed JSON. */
export type FileFormat = 'csv' | 'ndjson';

/** One column of a row as either format spells it, read into the same value. */
export interface Field<T> {
  readonly csv: z.ZodType<T>;
  readonly ndjson: z.ZodType<T>;
  /** May be left out (a CSV file may lack the column): the value is then null. */
  readonly optional: boolean;
}

/** The columns of a row and what each holds. */
export type RowShape = Record<string, Field<unknown>>;
export type RowOf<S extends RowShape> = { readonly [K in keyof S]: S[K] extends Field<infer T> ? T : never };

/** The tables keep whole numbers in PostgreSQL's `int`. */
const int32 = { min: -2_147_483_648, max: 2_147_483_647 };

const both = <T>(schema: z.ZodType<T>): Field<T> => ({ csv: schema, ndjson: schema, optional: false });

export function integer({ min = int32.min, max = int32.max } = {}): Field<number> {
  const number = z
    .number({ message: 'expected a whole number' })
    .int({ message: 'expected a whole number' })
    .min(min, { message: `expected at least ${min}` })
    .max(max, { message: `expected at most ${max}` });
  return {
    csv: z
      .string()
      .regex(/^[-+]?\d{1,12}$/, { message: 'expected a whole number' })
      .transform(Number)
      .pipe(number),
    ndjson: number,
    optional: false,
  };
}

/** A positive number with at most two decimals (a dot in CSV), below `max`. */
export function decimal({ max }: { max: number }): Field<number> {
  const number = z
    .number({ message: 'expected a number' })
    .positive({ message: 'expected more than 0' })
    .max(max, { message: `expected at most ${max}` })
    .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, { message: 'expected at most two decimals' });
  return {
    csv: z
      .string()
      .regex(/^\d+(\.\d+)?$/, { message: 'expected a number such as 1.15' })
      .transform(Number)
      .pipe(number),
    ndjson: number,
    optional: false,
  };
}

/** Text as a column of `maxLength` holds it; PostgreSQL text cannot hold NUL. */
export function text({ minLength = 0, maxLength = 255 }: { minLength?: number; maxLength?: number } = {}): Field<string> {
  return both(
    z
      .string({ message: 'expected text' })
      .min(minLength, { message: minLength === 1 ? 'expected text, not empty' : `expected at least ${minLength} characters` })
      .max(maxLength, { message: `expected at most ${maxLength} characters` })
      .refine((value) => !value.includes('\u0000'), { message: 'expected text without NUL characters' }),
  );
}

/** Left out, `null` in NDJSON or an empty CSV cell: no value. */
export function nullable<T>(field: Field<T>): Field<T | null> {
  const absent = (empty: unknown) => (value: unknown) => (value === undefined || value === empty ? null : value);
  return {
    csv: z.preprocess(absent(''), field.csv.nullable()),
    ndjson: z.preprocess(absent(null), field.ndjson.nullable()),
    optional: true,
  };
}

export const accountNumber = both(z.string({ message: 'expected an account number' }).regex(/^\d{12}$/, { message: 'expected the 12 digits of an account' }));

export const period = both(
  z.string({ message: 'expected a period' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'expected a period YYYY-MM (month 01 to 12)' }),
);

export const calendarDate = both(z.iso.date({ message: 'expected a date YYYY-MM-DD' }));

/** RFC 3339 with its zone: a time without one would be read in whatever zone the server has. */
export const zonedTime = both(z.iso.datetime({ offset: true, message: 'expected a time with its zone, such as 2026-10-05T10:00:00+03:00' }));

const zoneName = z.enum(zones, { message: `expected a zone: ${zones.join(', ')}` });

export const zone = both(zoneName);

/** What meters there are: one rate, day and night, or three zones; in the order the meter shows them. */
const zoneLayouts: readonly (readonly Zone[])[] = [['single'], ['day', 'night'], ['peak', 'semiPeak', 'night']];

const zoneList = z
  .array(zoneName, { message: 'expected a list of zones' })
  .refine((list) => zoneLayouts.some((layout) => layout.length === list.length && layout.every((name, index) => list[index] === name)), {
    message: `expected the zones of a meter: ${zoneLayouts.map((layout) => layout.join(';')).join(' or ')}`,
  });

/** `day;night` in a CSV cell, `["day","night"]` in NDJSON. */
export const meterZones: Field<Zone[]> = {
  csv: z
    .string()
    .transform((cell) => cell.split(';').map((name) => name.trim()))
    .pipe(zoneList),
  ndjson: zoneList,
  optional: false,
};

const boolean = z.boolean({ message: 'expected true or false' });

export const yesNo: Field<boolean> = {
  csv: z.enum(['true', 'false'], { message: 'expected true or false' }).transform((cell) => cell === 'true'),
  ndjson: boolean,
  optional: false,
};

/** The row schema of one format: unknown columns are refused, not dropped, so a misspelt one is noticed. */
export function rowSchema<S extends RowShape>(shape: S, format: FileFormat): z.ZodType<RowOf<S>> {
  const fields = Object.fromEntries(Object.entries(shape).map(([name, field]) => [name, field[format]]));
  return z.strictObject(fields) as unknown as z.ZodType<RowOf<S>>;
}

/** Why a row was refused, column by column. */
export function rowProblem(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}
