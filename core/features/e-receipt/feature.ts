import { port, type Feature } from '../../kernel/feature';
import { eReceipt as eReceiptFlow } from './e-receipt';
import type { EReceipts } from './ports';

const ports = { eReceipts: port<EReceipts>('terms') };

export const eReceipt: Feature<typeof ports> = {
  tasks: [{ action: 'ereceipt', flow: eReceiptFlow, version: 1, menu: { linked: 'more' }, command: true, intents: true }],
  ports,
};
