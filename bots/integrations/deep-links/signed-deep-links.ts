import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AccountNumber } from '../../../core/kernel/account-number';
import type { DeepLinks, LinkedTask } from '../../../core/features/start/ports';

const taskCodes: Record<LinkedTask, string> = { pay: 'p', readings: 'r' };
const dayMs = 24 * 3600_000;

/**
 * Tokens that open the chat on a task for an account: the task, the account, the last day it is
 * valid and an HMAC of them (16 bytes), 39 characters of `A-Za-z0-9_-` as Telegram's `start`
 * parameter allows (and MAX's, up to 128). Nothing is stored: the signature is the proof.
 */
export class SignedDeepLinks implements DeepLinks {
  constructor(
    private readonly secret: () => Promise<string>,
    private readonly where: { readonly telegramBot: () => string | null; readonly maxBot: () => string | null; readonly webChat: () => string },
  ) {}

  async sign(account: AccountNumber, task: LinkedTask, validUntil: Date): Promise<string> {
    const body = `${taskCodes[task]}${account}${Math.floor(validUntil.getTime() / dayMs)
      .toString(36)
      .padStart(4, '0')}`;
    return `${body}${await this.signature(body)}`;
  }

  async open(token: string, now: Date): Promise<{ account: AccountNumber; task: LinkedTask } | null> {
    const match = /^([pr])(\d{12})([0-9a-z]{4})([A-Za-z0-9_-]{22})$/.exec(token);
    if (!match) return null;
    const [, code, account, day, signature] = match as unknown as [string, string, string, string, string];
    const expected = Buffer.from(await this.signature(`${code}${account}${day}`));
    if (expected.length !== signature.length || !timingSafeEqual(expected, Buffer.from(signature))) return null;
    if ((parseInt(day, 36) + 1) * dayMs <= now.getTime()) return null;
    return { account: account as AccountNumber, task: code === 'p' ? 'pay' : 'readings' };
  }

  async urls(token: string): Promise<{ telegram: string | null; max: string | null; webChat: string }> {
    const telegram = this.where.telegramBot();
    const max = this.where.maxBot();
    return {
      telegram: telegram ? `https://t.me/${telegram}?start=${token}` : null,
      max: max ? `https://max.ru/${max}?start=${token}` : null,
      webChat: `${this.where.webChat()}/?start=${token}`,
    };
  }

  private async signature(body: string): Promise<string> {
    return createHmac('sha256', await this.secret())
      .update(`deep-link:${body}`)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  }
}
