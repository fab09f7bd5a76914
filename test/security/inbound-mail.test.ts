import nodemailer from 'nodemailer';
import { createLog } from '../../core/kernel/log';
import { AppealReplyAddresses } from '../../bots/integrations/mail/appeal-reply-addresses';
import { maxReplyBytes, startInboundSmtp } from '../../bots/integrations/mail/inbound-smtp';

const addresses = new AppealReplyAddresses(async () => 'a secret of at least thirty-two characters', 'reply.energosbyt.test');

/** The listener with the appeals А-2026-000001 (open) and А-2026-000002 (closed); what it took as answers. */
async function listener(allowedRelays: readonly string[] = ['127.0.0.1', '::1']) {
  const answers: { number: string; text: string }[] = [];
  const smtp = await startInboundSmtp({
    host: '127.0.0.1',
    port: 0,
    allowedRelays,
    senderDomains: ['energosbyt.test'],
    addresses,
    open: async (number) => number === 'А-2026-000001',
    answer: async (number, reply) => void answers.push({ number, text: reply.text }),
    log: createLog('error', () => undefined),
  });
  const send = (mail: Parameters<ReturnType<typeof nodemailer.createTransport>['sendMail']>[0]) =>
    nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true }).sendMail(mail);
  return { smtp, answers, send };
}

describe("operators' answers by e-mail: only from the supplier's relay and operators, to an open appeal, within the size", () => {
  it('takes a reply of an operator, relayed by an allowed server, to an open appeal; the targets of its HTML links never reach the chat', async () => {
    const { smtp, answers, send } = await listener();
    try {
      await send({
        from: 'irina@energosbyt.test',
        to: await addresses.address('А-2026-000001'),
        subject: 'Re: обращение',
        html: '<p>Оплатите задолженность <a href="https://phish.example/pay">на сайте компании</a>.</p>',
      });
      expect(answers).toEqual([{ number: 'А-2026-000001', text: 'Оплатите задолженность на сайте компании.' }]);
    } finally {
      await smtp.close();
    }
  });

  it.each([
    ['a sender of another domain', { from: 'someone@evil.test', envelopeFrom: 'someone@evil.test', appeal: 'А-2026-000001' }],
    ["a forged From header behind an operator's envelope", { from: 'someone@evil.test', envelopeFrom: 'irina@energosbyt.test', appeal: 'А-2026-000001' }],
    ['the address of a closed appeal', { from: 'irina@energosbyt.test', envelopeFrom: 'irina@energosbyt.test', appeal: 'А-2026-000002' }],
  ])('refuses %s, and answers nothing', async (_, { from, envelopeFrom, appeal }) => {
    const { smtp, answers, send } = await listener();
    try {
      const to = await addresses.address(appeal);
      await expect(send({ from, to, envelope: { from: envelopeFrom, to: [to] }, subject: 'Re: обращение', text: 'Ответ' })).rejects.toMatchObject({
        responseCode: 550,
      });
      expect(answers).toEqual([]);
    } finally {
      await smtp.close();
    }
  });

  it('refuses a server that is not an allowed relay when it connects', async () => {
    const { smtp, answers, send } = await listener(['192.0.2.25']);
    try {
      await expect(send({ from: 'irina@energosbyt.test', to: await addresses.address('А-2026-000001'), subject: 'Re', text: 'Ответ' })).rejects.toMatchObject({
        responseCode: 554,
      });
      expect(answers).toEqual([]);
    } finally {
      await smtp.close();
    }
  });

  it(`refuses a mail over ${maxReplyBytes / 1024 / 1024} MB at the end of DATA, without keeping it`, async () => {
    const { smtp, answers, send } = await listener();
    try {
      const before = process.memoryUsage().rss;
      const big = Buffer.alloc(maxReplyBytes + 1024 * 1024, 0x41);
      await expect(
        send({
          from: 'irina@energosbyt.test',
          to: await addresses.address('А-2026-000001'),
          subject: 'Re',
          text: 'Ответ',
          attachments: [{ filename: 'big.pdf', content: big }],
        }),
      ).rejects.toMatchObject({ responseCode: 552 });
      process.stdout.write(
        `inbound mail over the limit: refused 552; answers kept ${answers.length}; RSS grew ${Math.round((process.memoryUsage().rss - before) / 1024 / 1024)} MB (the sender's own copy included)\n`,
      );
      expect(answers).toEqual([]);
    } finally {
      await smtp.close();
    }
  }, 60_000);
});
