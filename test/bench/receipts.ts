/**
 * The receipt part of `npm run bench`: how long a PDF takes, whether rendering stalls the event
 * loop, whether memory grows with renders, and a month's broadcast to a Bot API that holds the
 * bot to 30 messages a second.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Runtime } from '../../bots/app/compose';
import { ReceiptRenderer } from '../../bots/integrations/pdf/receipt-renderer';
import { receiptSheet, type ReceiptSheet } from '../../bots/integrations/pdf/receipt-sheet';
import type { AccountNumber } from '../../core/kernel/account-number';
import { shiftPeriod } from '../../core/kernel/period';
import { readReceipt } from '../../core/features/receipts/read-receipt';
import { demoSupplier } from '../../db/demo-supplier';
import { SqlMonthlyReceiptChats } from '../../db/repositories/sql-monthly-receipt-chats';
import { startBroadcastApp } from './broadcast-app';

const broadcastSize = Number(process.env['BENCH_BROADCAST'] ?? 10_000);
const accounts = ['100000000001', '100000000002', '100000000003'] as AccountNumber[];

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

/** Sheets of every demo account's months (different figures, different QR codes). */
async function sheets(runtime: Runtime, count: number): Promise<ReceiptSheet[]> {
  const made: ReceiptSheet[] = [];
  const lastBilled = shiftPeriod(new Date().toISOString().slice(0, 7), -1);
  for (let index = 0; made.length < count; index += 1) {
    const receipt = await readReceipt(
      runtime.services,
      accounts[index % 3] as AccountNumber,
      shiftPeriod(lastBilled, -Math.floor(index / 3) % 120),
      'Europe/Moscow',
    );
    if (receipt) made.push(receiptSheet(receipt, demoSupplier, runtime.localizer, index % 2 ? 'en' : 'ru'));
  }
  return made;
}

export async function benchReceipts(runtime: Runtime): Promise<string[]> {
  const lines: string[] = [];
  const renderer = new ReceiptRenderer();
  const made = await sheets(runtime, 300);
  await Promise.all(made.slice(0, 8).map((sheet) => renderer.render(sheet)));

  const one: number[] = [];
  for (const sheet of made.slice(0, 200)) {
    const at = performance.now();
    await renderer.render(sheet);
    one.push(performance.now() - at);
  }
  one.sort((a, b) => a - b);
  lines.push(`receipt PDF, one at a time: median ${quantile(one, 0.5).toFixed(1)} ms, p99 ${quantile(one, 0.99).toFixed(1)} ms (aim: median ≤ 60 ms)`);

  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const began = performance.now();
  await Promise.all(made.slice(0, 100).map((sheet) => renderer.render(sheet)));
  loop.disable();
  lines.push(
    `100 receipts at once: ${(performance.now() - began).toFixed(0)} ms in all; event loop stalled at most ${(loop.max / 1e6).toFixed(1)} ms (aim: ≤ 50 ms)`,
  );

  global.gc?.();
  const before = process.memoryUsage().rss;
  for (let round = 0; round < 10; round += 1) await Promise.all(made.slice(0, 100).map((sheet) => renderer.render(sheet)));
  global.gc?.();
  const after = process.memoryUsage().rss;
  lines.push(
    `RSS before 1000 renders ${mb(before)} MB, after ${mb(after)} MB: ${(((after - before) / before) * 100).toFixed(1)} % (aim: ≤ 10 %)${global.gc ? '' : ' (without --expose-gc)'}`,
  );
  await renderer.close();
  return lines;
}

/** A month published to `broadcastSize` Telegram chats, through the real app, against a Bot API that refuses more than 30 sends a second. */
export async function benchBroadcast(): Promise<string[]> {
  const { app, api, operatorToken, stop } = await startBroadcastApp(30);
  try {
    const chats = Array.from({ length: broadcastSize }, (_, index) => 50_000_000 + index);
    const optedIn = new SqlMonthlyReceiptChats(app.runtime.orm);
    for (const [index, id] of chats.entries()) await optedIn.optIn({ channel: 'telegram', id: String(id) }, accounts[index % 3] as AccountNumber, new Date());
    const period = shiftPeriod(new Date().toISOString().slice(0, 7), -1);
    const began = performance.now();
    await fetch(`${app.url}/operator/receipts/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ period }),
    });
    const wanted = new Set(chats);
    const delivered = () => api.calls.filter((call) => call.method === 'sendDocument' && wanted.has(Number(call.params['chat_id'])));
    for (let last = -1, still = 0; delivered().length < chats.length && still < 60;) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const now = delivered().length;
      still = now === last ? still + 1 : 0;
      last = now;
    }
    const seconds = (performance.now() - began) / 1000;
    const perChat = new Map<number, number>();
    for (const call of delivered()) perChat.set(Number(call.params['chat_id']), (perChat.get(Number(call.params['chat_id'])) ?? 0) + 1);
    const lost = chats.filter((id) => !perChat.has(id)).length;
    const duplicated = [...perChat.values()].reduce((sum, count) => sum + count - 1, 0);
    const rate = perChat.size / seconds;
    return [
      `broadcast of ${chats.length} receipts to a Bot API holding the bot to 30 sends/s: ${seconds.toFixed(0)} s, ${rate.toFixed(1)} receipts/s (aim: ≥ 28.5), lost ${lost}, duplicated ${duplicated}, refused with 429 ${api.refusedForRate}`,
    ];
  } finally {
    await stop();
  }
}
