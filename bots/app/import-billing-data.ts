import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createSeedConfig } from './config';
import { initORM } from '../../db/orm';
import { importBillingData, type FileOutcome } from '../integrations/billing-import/billing-import';

const usage = 'usage: npm run import -- DIR [--batch-rows N] [--report FILE]';

const argumentsSchema = z.object({
  directory: z.string({ message: usage }).min(1, { message: usage }),
  batchRows: z.coerce
    .number({ message: 'expected a number of rows' })
    .int({ message: 'expected a whole number of rows' })
    .min(1, { message: 'expected at least 1 row' })
    .max(100_000, { message: 'expected at most 100000 rows' })
    .default(20_000),
  report: z.string().min(1).optional(),
});

function parsedArguments(argv: string[]) {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'batch-rows': { type: 'string' }, report: { type: 'string' } } });
  const parsed = argumentsSchema.safeParse({ directory: positionals[0], batchRows: values['batch-rows'], report: values.report });
  if (!parsed.success || positionals.length > 1) throw new Error(parsed.success ? usage : parsed.error.issues.map((issue) => issue.message).join('; '));
  return parsed.data;
}

function summary(outcomes: readonly FileOutcome[]): string {
  const lines = outcomes.map(({ file, status, rows, rejected, rowsRead, seconds }) =>
    status === 'unchanged'
      ? `${file}: unchanged, ${rows} rows, ${rejected} refused`
      : `${file}: ${rows} rows, ${rejected} refused; this run ${rowsRead} rows in ${seconds.toFixed(1)} s (${Math.round(rowsRead / Math.max(seconds, 0.001))} rows/s)`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * `npm run import -- DIR`: the supplier's accounts, meters, tariffs, charges, payments and readings
 * from the files in DIR into PostgreSQL. Exit code 0: every row in; 2: done, some rows refused
 * (the report has them); 1: stopped, and run again it resumes.
 */
async function main(): Promise<void> {
  const options = parsedArguments(process.argv.slice(2));
  const { database } = createSeedConfig(process.env);
  if (database.kind !== 'postgresql') {
    process.stderr.write('npm run import needs PostgreSQL: set DATABASE_URL=postgresql://… (the embedded SQLite database takes no bulk import)\n');
    process.exit(1);
  }
  const orm = await initORM(database);
  await orm.close();
  const reportPath = options.report ?? join(options.directory, 'import-report.ndjson');
  const outcomes = await importBillingData({
    databaseUrl: database.url,
    directory: options.directory,
    batchRows: options.batchRows,
    reportPath,
    progress: process.stderr,
  });
  process.stdout.write(summary(outcomes));
  const refused = outcomes.some((outcome) => outcome.rejected > 0);
  if (refused) process.stdout.write(`refused rows, with file, line and reason: ${reportPath}\n`);
  process.exitCode = refused ? 2 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`\nimport stopped: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
