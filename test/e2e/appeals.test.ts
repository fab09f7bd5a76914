import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { bothChannels } from '../support/both-channels';
import { TelegramCustomer } from '../support/telegram-customer';
import { appealNumberIn, fileAsStranger } from '../support/appeal-scripts';
import { play } from '../support/test-app';


describe('appeals end to end: filed in the chat, answered through the operator API, the answer back in the same chat', () => {
  const both = bothChannels();

  it('Telegram: the answer arrives with a way to reply; the reply reaches the thread; a repeated answer is kept once', async () => {
    const customer = new TelegramCustomer(both.api, 1301);
    const transcript = await play(customer, fileAsStranger);
    const number = appealNumberIn(transcript.at(-1)?.[0]?.text ?? '');
    expect(number).not.toBe('');

    expect((await (await fetch(`${both.app.url}/operator/appeals?status=received`)).status)).toBe(401);
    const queue = await (await fetch(`${both.app.url}/operator/appeals?status=received`, { headers: { authorization: 'Bearer operator-token-0123456789abcdef' } })).json();
    expect(queue).toMatchObject({ appeals: [{ number, topic: 'connection', name: 'Олег', email: 'oleg@mail.ru', phone: null, channel: 'telegram', status: 'received' }] });

    const answer = { text: 'Подайте заявку на технологическое присоединение в личном кабинете сетевой организации.', key: 'crm-reply-1' };
    const path = `/operator/appeals/${encodeURIComponent(number)}/replies`;
    expect((await both.operator(path, answer)).status).toBe(201);
    expect((await both.operator(path, answer)).status).toBe(200);
    expect((await both.operator('/operator/appeals/А-2026-999999/replies', { ...answer, key: 'x' })).status).toBe(404);
    expect((await both.operator(path, { text: '' })).status).toBe(400);
    await Promise.all([both.app.pushes.kick(), both.app.mail.kick()]);

    const [pushed, ...more] = await customer.replies();
    expect(more).toEqual([]);
    expect(pushed).toEqual({ text: `Ответ на обращение ${number}:\n${answer.text}`, buttons: ['Ответить', 'Открыть обращение'] });
    await customer.presses('Ответить');
    expect((await customer.says('Спасибо! А сколько это стоит?'))[0]?.text).toBe(`Добавлено к обращению ${number}. Специалист увидит это в переписке.`);
    const thread = await (await fetch(`${both.app.url}/operator/appeals/${encodeURIComponent(number)}`, { headers: { authorization: 'Bearer operator-token-0123456789abcdef' } })).json();
    expect(thread).toMatchObject({ status: 'received', messages: [{ from: 'operator', text: answer.text }, { from: 'customer', text: 'Спасибо! А сколько это стоит?' }] });

    const mails = await Promise.all(readdirSync(join(both.app.dir, 'outbox')).map((name) => simpleParser(readFileSync(join(both.app.dir, 'outbox', name)))));
    expect(mails.map((mail) => mail.subject).sort()).toEqual([`Обращение ${number} принято`, `Ответ на обращение ${number}`]);

    expect((await both.operator(`/operator/appeals/${encodeURIComponent(number)}/close`, {})).status).toBe(200);
    await both.app.pushes.kick();
    expect((await customer.replies())[0]?.text).toBe(`Обращение ${number} закрыто. Если вопрос остался, напишите новое обращение.`);
    expect((await both.operator(path, { text: 'ещё', key: 'crm-reply-2' })).status).toBe(409);
  });

  it('web chat: filed in English, the answer arrives as a proactive message in the same conversation', async () => {
    const web = both.channel.customer('web-1302', 'en-US');
    const transcript = await play(web, [
      { say: '/appeal' },
      { press: 'Not a customer' },
      { say: 'Lipetsk' },
      { press: 'Other' },
      { say: 'Oleg' },
      { say: 'oleg@example.org' },
      { say: '+7 900 123 45 67' },
      { say: 'Lenina 5' },
      { say: 'When will the power be back on our street?' },
      { press: 'Send the appeal' },
    ]);
    const number = appealNumberIn(transcript.at(-1)?.[0]?.text ?? '');
    const before = both.channel.received.length;
    expect((await both.operator(`/operator/appeals/${encodeURIComponent(number)}/replies`, { text: 'Tonight by 21:00.', key: 'crm-2' })).status).toBe(201);
    await both.app.pushes.kick();
    const [proactive] = both.channel.received.slice(before);
    expect(proactive).toMatchObject({ text: `The answer to appeal ${number}:\nTonight by 21:00.`, conversation: { id: 'conversation-web-1302' } });
    expect(proactive?.suggestedActions?.actions.map((action) => action.title)).toEqual(['Reply', 'Open the appeal']);
  });

  describe('answered by e-mail', () => {
    const mailed = bothChannels({ APPEALS_MAILBOX: 'appeals@energosbyt.test', INBOUND_MAIL_DOMAIN: 'reply.energosbyt.test', INBOUND_SMTP_PORT: '0', INBOUND_SMTP_HOST: '127.0.0.1' });
    const outbox = async () => {
      await mailed.app.mail.deliverDue();
      const dir = join(mailed.app.dir, 'outbox');
      return Promise.all(readdirSync(dir).sort().map((name) => simpleParser(readFileSync(join(dir, name)))));
    };
    const smtp = () => nodemailer.createTransport({ host: '127.0.0.1', port: mailed.app.inboundSmtpPort, secure: false, ignoreTLS: true });

    it('mails the appeal to the operators; their reply over SMTP, without the quoted history, reaches the chat; a forged address is refused', async () => {
      const customer = new TelegramCustomer(mailed.api, 1303);
      const transcript = await play(customer, fileAsStranger);
      const number = appealNumberIn(transcript.at(-1)?.[0]?.text ?? '');
      const toOperators = (await outbox()).find((mail) => mail.subject === `[${number}] Новое обращение: Подключение`);
      expect(toOperators?.text).toContain('Как подключить дачный дом к сети?');
      const replyTo = toOperators?.replyTo?.value[0]?.address ?? '';
      expect(replyTo).toMatch(/^appeals\+\d{4}-\d{6}\.[0-9a-f]{24}@reply\.energosbyt\.test$/);
      expect(toOperators?.messageId).toBe(`<appeal.${number.slice(2)}@reply.energosbyt.test>`);

      await smtp().sendMail({
        from: 'operator@energosbyt.test',
        to: replyTo,
        subject: `Re: ${toOperators?.subject}`,
        inReplyTo: toOperators?.messageId,
        text: 'Заявку можно подать в личном кабинете сетевой компании.\n\nС уважением, Ирина\n\nВ ср, 25 нояб. 2026 г. в 09:00, energobot <noreply@energobot.local> пишет:\n> Обращение из чата energobot.\n> Как подключить дачный дом к сети?',
      });
      await mailed.app.pushes.kick();
      expect((await customer.replies())[0]?.text).toBe(`Ответ на обращение ${number}:\nЗаявку можно подать в личном кабинете сетевой компании.\n\nС уважением, Ирина`);

      const forged = replyTo.replace(/\.[0-9a-f]{24}@/, '.000000000000000000000000@');
      await expect(smtp().sendMail({ from: 'someone@evil.test', to: forged, subject: 'x', text: 'Ответ от самозванца' })).rejects.toMatchObject({ responseCode: 550 });

      await customer.presses('Ответить');
      await customer.says('А сколько это стоит?');
      const addition = (await outbox()).find((mail) => mail.subject === `Re: [${number}] Новое обращение: Подключение`);
      expect(addition).toMatchObject({ inReplyTo: toOperators?.messageId, text: expect.stringContaining('А сколько это стоит?') });
    });
  });
});
