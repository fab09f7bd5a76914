import { resolve } from 'node:path';
import { createSeedConfig } from './config';
import { writeDemoBillingFiles } from '../integrations/billing-import/demo-billing-files';

/** `npm run import:sample -- DIR`: the demo accounts and their history as billing files, for `npm run import -- DIR`. */
async function main(): Promise<void> {
  const [directory, ...rest] = process.argv.slice(2);
  if (!directory || rest.length > 0) throw new Error('usage: npm run import:sample -- DIR');
  const { timeZone } = createSeedConfig(process.env);
  const files = await writeDemoBillingFiles(directory, new Date(), timeZone);
  process.stdout.write(`written to ${resolve(directory)}: ${files.join(', ')}\nimport them with: npm run import -- ${directory}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
