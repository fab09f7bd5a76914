import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The addresses operators reply to: `appeals+2026-000123.<signature>@<domain>`. The signature
 * (96 bits of an HMAC) is the proof: a reply to an address energobot did not make is refused at
 * `RCPT TO`. Lower-case hex, as mail servers may change the case of a local part.
 */
export class AppealReplyAddresses {
  constructor(
    private readonly secret: () => Promise<string>,
    readonly domain: string,
  ) {}

  async address(number: string): Promise<string> {
    const serial = number.replace(/^А-/, '');
    return `appeals+${serial}.${await this.signature(serial)}@${this.domain}`;
  }

  /** The appeal an address names, or null when it is not one of ours or its signature does not hold. */
  async numberOf(address: string): Promise<string | null> {
    const match = /^appeals\+(\d{4}-\d{6})\.([0-9a-f]{24})@(.+)$/i.exec(address.trim());
    if (!match || match[3]?.toLowerCase() !== this.domain.toLowerCase()) return null;
    const [, serial = '', given = ''] = match;
    const expected = Buffer.from(await this.signature(serial));
    return timingSafeEqual(expected, Buffer.from(given.toLowerCase())) ? `А-${serial}` : null;
  }

  /** The `Message-ID` of the mail that opened the appeal's thread: later mails refer to it. */
  threadId(number: string): string {
    return `<appeal.${number.replace(/^А-/, '')}@${this.domain}>`;
  }

  private async signature(serial: string): Promise<string> {
    return createHmac('sha256', await this.secret())
      .update(`appeal-reply:${serial}`)
      .digest('hex')
      .slice(0, 24);
  }
}
