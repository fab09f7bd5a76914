import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createLog } from '../../core/kernel/log';
import { QueueDelivery } from '../../bots/channels/outbox/queue-delivery';
import { createMailSender, mailSendTimeoutMs, mailVerdict } from '../../bots/integrations/mail/mail-delivery';
import type { AccountNumber } from '../../core/kernel/account-number';
import { Localizer } from '../../core/kernel/localizer';
import { linkNotice } from '../../core/features/linking/link-notice';
import { QueuedMail } from '../../db/entities';
import { initORM } from '../../db/orm';
import { SqlMailQueue } from '../../db/repositories/sql-mail-queue';

describe('mail delivery over real SMTP', () => {
  it('delivers the link notice, and keeps a refused message queued for a later retry', async () => {
    const received: ParsedMail[] = [];
    let refuse = true;
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(_address, _session, callback) {
        callback(refuse ? Object.assign(new Error('mailbox busy'), { responseCode: 451 }) : undefined);
      },
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          received.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const orm = await initORM({ kind: 'sqlite', path: ':memory:' });
    try {
      const queue = new SqlMailQueue(orm);
      const port = (smtp.server.address() as AddressInfo).port;
      const sender = createMailSender({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'energobot <bot@energobot.test>', outboxDir: '' });
      const delivery = new QueueDelivery(
        'mail',
        queue,
        (mail) => sender.send(mail),
        createLog('error', () => {}),
        { sendTimeoutMs: mailSendTimeoutMs, verdict: mailVerdict },
      );
      const at = new Date('2026-11-24T09:30:00Z');
      await queue.enqueue(
        linkNotice(new Localizer('Europe/Moscow'), 'ru', { to: 'demo1@example.ru', account: '100000000001' as AccountNumber, channel: 'webchat', at }),
      );

      expect(await delivery.deliverDue()).toBe(0);
      const waiting = await orm.em.fork().findOneOrFail(QueuedMail, { recipient: 'demo1@example.ru' });
      expect(waiting).toMatchObject({ attempts: 1, sentAt: null });
      expect(waiting.lastError).toContain('mailbox busy');

      refuse = false;
      await orm.em.fork().nativeUpdate(QueuedMail, {}, { nextAttemptAt: new Date(0) });
      expect(await delivery.deliverDue()).toBe(1);
      expect(received).toHaveLength(1);
      expect(received[0]?.subject).toBe('Лицевой счёт 100000000001 привязан к чату');
      expect(received[0]?.text).toContain('24.11.2026, 12:30 (время московское) лицевой счёт 100000000001 привязан к чату на сайте');
      expect(await delivery.deliverDue()).toBe(0);
    } finally {
      await orm.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
