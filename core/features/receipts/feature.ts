import { port, type Feature } from '../../kernel/feature';
import { monthlyReceipt } from './monthly-receipt';
import type { MonthlyReceiptChats, ReceiptArchive } from './ports';
import { receipts as receiptsFlow } from './receipts';

const ports = { receipts: port<ReceiptArchive>(), monthlyReceipts: port<MonthlyReceiptChats>('isOptedIn') };

export const receipts: Feature<typeof ports> = {
  tasks: [
    { action: 'receipts', flow: receiptsFlow, version: 2, menu: { linked: 'main' }, command: true, intents: true },
    { action: 'monthly', flow: monthlyReceipt, version: 2, command: true, intents: true },
  ],
  ports,
};
