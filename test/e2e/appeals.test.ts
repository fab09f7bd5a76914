import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { AppealFile } from '../../db/entities';
import { bothChannels } from '../support/both-channels';
import { TelegramCustomer } from '../support/telegram-customer';
import { appealNumberIn, fileAsStranger, fileInEnglish } from '../support/appeal-scripts';
import { play } from '../support/test-app';
import { customerFiles } from '../support/customer-files';
import { operatorToken } from '../support/both-channels';

describe('appeals end to end: filed in the chat, answered through the operator API, the answer back in the same chat', () => {
  const both = bothChannels();
  /** A reply with files, as the supplier's systems post it: a multipart form. */
  const operatorForm = (path: string, reply: { readonly text: string; readonly key: string; readonly files: readonly (readonly [string, Buffer])[] }) => {
    const form = new FormData();
    form.set('text', reply.text);
    form.set('key', reply.key);
    for (const [name, bytes] of reply.files) form.append('files', new Blob([new Uint8Array(bytes)]), name);
    return fetch(`${both.app.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${operatorToken}` }, body: form });
  };

  it('Telegram: a photo read through getFile goes with the appeal; the answer with a PDF arrives as a document; a native reply reaches the thread; a repeated answer is kept once', async () => {
    const customer = new TelegramCustomer(both.api, 1301);
    await play(customer, fileAsStranger.slice(0, -2));
    const photo = await customer.sendsFile({ name: 'meter.jpg', bytes: customerFiles['meter.jpg'], asPhoto: true });
    expect(photo[0]?.text).toMatch(/^Прикреплено файлов: 1 из 5:\n📎 photo-u\d+\.jpg \(0,1 МБ\)/);
    const refused = await customer.sendsFile({
      name: 'notes.docx',
      bytes: customerFiles['notes.docx'],
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(refused[0]?.text).toBe('Файл «notes.docx» не прикреплён: такой тип файла не принимается. Пришлите изображение (JPEG, PNG, WebP, GIF) или PDF.');
    await customer.presses('Готово');
    const number = appealNumberIn((await customer.presses('Отправить обращение'))[0]?.text ?? '');
    expect(number).not.toBe('');
    // Telegram's largest size of the photo, read once; the refused document was read to be judged.
    expect(both.api.downloads.filter((id) => id.endsWith('meter.jpg'))).toHaveLength(1);

    expect((await fetch(`${both.app.url}/operator/appeals?status=received`)).status).toBe(401);
    const queue = (await (
      await fetch(`${both.app.url}/operator/appeals?status=received`, { headers: { authorization: `Bearer ${operatorToken}` } })
    ).json()) as { appeals: { attachments: { url: string }[] }[] };
    expect(queue).toMatchObject({
      appeals: [
        {
          number,
          topic: 'connection',
          name: 'Олег',
          email: 'oleg@mail.ru',
          phone: null,
          channel: 'telegram',
          status: 'received',
          attachments: [{ mime: 'image/jpeg', url: expect.stringMatching(/^\/operator\/files\//) as unknown }],
        },
      ],
    });
    const photoUrl = queue.appeals[0]?.attachments[0]?.url ?? '';
    expect((await fetch(`${both.app.url}${photoUrl}`)).status).toBe(401);
    const kept = await fetch(`${both.app.url}${photoUrl}`, { headers: { authorization: `Bearer ${operatorToken}` } });
    expect([kept.headers.get('content-type'), Buffer.from(await kept.arrayBuffer()).equals(customerFiles['meter.jpg'])]).toEqual(['image/jpeg', true]);

    const answer = { text: 'Подайте заявку на технологическое присоединение в личном кабинете сетевой организации.', key: 'crm-reply-1' };
    const path = `/operator/appeals/${encodeURIComponent(number)}/replies`;
    const withFile = () => operatorForm(path, { ...answer, files: [['Заявка на присоединение.pdf', customerFiles['scan.pdf']]] });
    expect((await withFile()).status).toBe(201);
    const filesKept = await both.app.runtime.orm.em.fork().count(AppealFile, {});
    expect((await withFile()).status).toBe(200);
    // The repeat's own copy of the file is not left behind, nobody's.
    expect(await both.app.runtime.orm.em.fork().count(AppealFile, {})).toBe(filesKept);
    expect((await both.operator('/operator/appeals/А-2026-999999/replies', { ...answer, key: 'x' })).status).toBe(404);
    expect((await both.operator(path, { text: '' })).status).toBe(400);
    const wrongType = await operatorForm(path, { text: 'Смотрите файл', key: 'crm-bad', files: [['notes.docx', customerFiles['notes.docx']]] });
    expect([wrongType.status, ((await wrongType.json()) as { error: string }).error]).toEqual([
      400,
      'the file “notes.docx”: this type of file is not accepted. Send an image (JPEG, PNG, WebP, GIF) or a PDF.',
    ]);
    const six = await operatorForm(path, {
      text: 'Шесть файлов',
      key: 'crm-six',
      files: Array.from({ length: 6 }, (_, index) => [`${index}.pdf`, customerFiles['scan.pdf']] as const),
    });
    expect([six.status, ((await six.json()) as { error: string }).error]).toEqual([400, 'at most 5 files in one answer.']);
    await Promise.all([both.app.pushes.kick(), both.app.mail.kick()]);

    const [pushed, document, ...more] = await customer.replies();
    expect(more).toEqual([]);
    expect(pushed).toEqual({ text: `Ответ на обращение ${number}:\n${answer.text}`, buttons: [] });
    expect(document).toEqual({ text: '📎 Заявка на присоединение.pdf', buttons: ['Ответить', 'Открыть обращение'], file: 'Заявка на присоединение.pdf' });
    expect(both.api.messagesTo(1301).at(-1)?.file?.content.subarray(0, 5).toString()).toBe('%PDF-');

    // Telegram's own «reply» to the answer: no button needed.
    expect((await customer.repliesTo(pushed?.text ?? '', 'Спасибо! А сколько это стоит?'))[0]?.text).toMatch(/^Прикрепите фотографии или документы/);
    expect((await customer.presses('Без вложений'))[0]?.text).toBe(`Добавлено к обращению ${number}. Специалист увидит это в переписке.`);
    const thread = (await (
      await fetch(`${both.app.url}/operator/appeals/${encodeURIComponent(number)}`, { headers: { authorization: `Bearer ${operatorToken}` } })
    ).json()) as unknown;
    expect(thread).toMatchObject({
      status: 'received',
      messages: [
        { from: 'operator', text: answer.text, files: [{ name: 'Заявка на присоединение.pdf', mime: 'application/pdf' }] },
        { from: 'customer', text: 'Спасибо! А сколько это стоит?', files: [] },
      ],
    });
    // Typed with a Latin «A», in lower case, without dashes: the same appeal; not a number, none.
    const typed = async (written: string) =>
      (await fetch(`${both.app.url}/operator/appeals/${encodeURIComponent(written)}`, { headers: { authorization: `Bearer ${operatorToken}` } })).status;
    const [year, sequence] = number.split('-').slice(1);
    expect(
      await Promise.all([`A-${year}-${sequence}`, `a${year}${sequence}`, `А ${year} ${sequence}`, `B-${year}-${sequence}`, `A-${year}-1`].map(typed)),
    ).toEqual([200, 200, 200, 404, 404]);

    const mails = await Promise.all(readdirSync(join(both.app.dir, 'outbox')).map((name) => simpleParser(readFileSync(join(both.app.dir, 'outbox', name)))));
    expect(mails.map((mail) => mail.subject).sort()).toEqual([`Обращение ${number} принято`, `Ответ на обращение ${number}`]);
    expect(mails.find((mail) => mail.subject === `Ответ на обращение ${number}`)?.attachments.map((file) => [file.filename, file.contentType])).toEqual([
      ['Заявка на присоединение.pdf', 'application/pdf'],
    ]);

    expect((await both.operator(`/operator/appeals/${encodeURIComponent(number)}/close`, {})).status).toBe(200);
    await both.app.pushes.kick();
    expect((await customer.replies())[0]?.text).toBe(`Обращение ${number} закрыто. Если вопрос остался, напишите новое обращение.`);
    expect((await both.operator(path, { text: 'ещё', key: 'crm-reply-2' })).status).toBe(409);
  });

  it('web chat: filed in English, the answer arrives as a proactive message in the same conversation', async () => {
    const web = both.channel.customer('web-1302', 'en-US');
    const transcript = await play(web, fileInEnglish.slice(0, -2));
    // An attachment whose link points anywhere but the channel's own file store is not fetched.
    const elsewhere = await both.channel.post(
      {
        type: 'message',
        locale: 'en-US',
        attachments: [{ contentType: 'image/png', contentUrl: 'http://169.254.169.254/latest/meta-data', name: 'meta.png' }],
      },
      'web-1302',
    );
    expect(elsewhere.replies[0]?.text).toBe('The file “meta.png” is not attached: the file could not be received. Please send it again.');
    await web.says('No attachments');
    transcript.push(await web.presses('Send the appeal'));
    const number = appealNumberIn(transcript.at(-1)?.[0]?.text ?? '');
    const before = both.channel.received.length;
    const form = await operatorForm(`/operator/appeals/${encodeURIComponent(number)}/replies`, {
      text: 'Tonight by 21:00.',
      key: 'crm-2',
      files: [['schedule.pdf', customerFiles['scan.pdf']]],
    });
    expect(form.status).toBe(201);
    await both.app.pushes.kick();
    const [proactive, file] = both.channel.received.slice(before);
    expect(proactive).toMatchObject({ text: `The answer to appeal ${number}:\nTonight by 21:00.`, conversation: { id: 'conversation-web-1302' } });
    expect(file?.suggestedActions?.actions.map((action) => action.title)).toEqual(['Reply', 'Open the appeal']);
    const attachment = file?.attachments?.[0] as { contentUrl?: string; name?: string } | undefined;
    expect(attachment?.name).toBe('schedule.pdf');
    const download = await fetch(attachment?.contentUrl ?? '');
    expect([download.headers.get('content-type'), Buffer.from(await download.arrayBuffer()).equals(customerFiles['scan.pdf'])]).toEqual([
      'application/pdf',
      true,
    ]);
  });

  it('the API for a team: found by any spelling of its number, paged and filtered; a note reaches nobody; answers signed; a follow-up marked; reopened with the chat told', async () => {
    const customer = new TelegramCustomer(both.api, 1311);
    const number = appealNumberIn((await play(customer, fileAsStranger)).at(-1)?.[0]?.text ?? '');
    const [year, sequence] = number.split('-').slice(1);
    const get = async (path: string) => {
      const response = await fetch(`${both.app.url}${path}`, { headers: { authorization: `Bearer ${operatorToken}` } });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const at = `/operator/appeals/${encodeURIComponent(number)}`;
    expect((await get(`/operator/appeals?q=a${year}${sequence}`)).body).toMatchObject({ total: 1, appeals: [{ number, assignee: null, followUpAt: null }] });
    const paged = await get('/operator/appeals?q=oleg@mail.ru&perPage=1&page=1');
    expect([paged.status, (paged.body['appeals'] as unknown[]).length, Number(paged.body['total']) >= 1]).toEqual([200, 1, true]);
    expect((await get('/operator/appeals?channel=max&q=oleg@mail.ru')).body).toMatchObject({ total: 0, appeals: [] });
    expect((await get('/operator/appeals?status=waiting')).status).toBe(400);
    expect((await get('/operator/appeals?q=я')).status).toBe(400);

    const seen = both.api.messagesTo(1311).length;
    const note = { text: 'Уточнить в сетевой компании сроки.', key: 'note-1', operator: 'Ирина' };
    expect((await both.operator(`${at}/notes`, note)).status).toBe(201);
    expect((await both.operator(`${at}/notes`, note)).status).toBe(200);
    expect((await both.operator(`${at}/replies`, { text: 'Подключение займёт до 30 дней.', key: 'crm-team-1', operator: 'crm-7' })).status).toBe(201);
    await both.app.pushes.kick();
    expect((await customer.replies()).map((message) => message.text)).toEqual([`Ответ на обращение ${number}:\nПодключение займёт до 30 дней.`]);
    expect(both.api.messagesTo(1311).length).toBe(seen + 1);
    expect((await get(at)).body).toMatchObject({
      status: 'answered',
      messages: [
        { from: 'note', text: note.text, by: { name: 'Ирина', route: 'api' } },
        { from: 'operator', by: { name: 'crm-7', route: 'api' } },
      ],
    });

    await customer.presses('Ответить');
    await customer.says('А можно быстрее, к маю?');
    await customer.presses('Без вложений');
    expect((await get(at)).body).toMatchObject({ status: 'received', followUpAt: expect.stringMatching(/^\d{4}-/) as unknown });
    expect((await get(`/operator/appeals?followUp=true&q=${encodeURIComponent(number)}`)).body).toMatchObject({ total: 1 });

    expect((await both.operator(`${at}/close`, {})).status).toBe(200);
    expect(await (await both.operator(`${at}/reopen`, {})).json()).toEqual({ outcome: 'reopened' });
    expect(await (await both.operator(`${at}/reopen`, {})).json()).toEqual({ outcome: 'not-closed' });
    expect((await both.operator('/operator/appeals/А-2026-999999/reopen', {})).status).toBe(404);
    await both.app.pushes.kick();
    const told = (await customer.replies()).map((message) => message.text);
    expect(told).toEqual([
      `Обращение ${number} закрыто. Если вопрос остался, напишите новое обращение.`,
      `Обращение ${number} снова открыто: специалист продолжает работу с ним.`,
    ]);
    expect((await get(at)).body).toMatchObject({ status: 'received' });
  });

  it('web chat: a note is never sent; a reopened appeal is told in the same conversation', async () => {
    const web = both.channel.customer('web-1312', 'en-US');
    const transcript = await play(web, fileInEnglish);
    const at = `/operator/appeals/${encodeURIComponent(appealNumberIn(transcript.at(-1)?.[0]?.text ?? ''))}`;
    const before = both.channel.received.length;
    expect((await both.operator(`${at}/notes`, { text: 'Customer called twice.', key: 'note-web' })).status).toBe(201);
    expect((await both.operator(`${at}/close`, {})).status).toBe(200);
    expect((await both.operator(`${at}/reopen`, {})).status).toBe(200);
    await both.app.pushes.kick();
    expect(both.channel.received.slice(before).map((activity) => activity.text)).toEqual([
      expect.stringMatching(/^Appeal А-\d{4}-\d{6} is closed/) as unknown,
      expect.stringMatching(/^Appeal А-\d{4}-\d{6} is open again: a specialist is working on it\.$/) as unknown,
    ]);
  });

  describe('answered by e-mail', () => {
    const mailed = bothChannels({
      APPEALS_MAILBOX: 'appeals@energosbyt.test',
      INBOUND_MAIL_DOMAIN: 'reply.energosbyt.test',
      INBOUND_SMTP_PORT: '0',
      INBOUND_SMTP_HOST: '127.0.0.1',
    });
    const outbox = async () => {
      await mailed.app.mail.deliverDue();
      const dir = join(mailed.app.dir, 'outbox');
      return Promise.all(
        readdirSync(dir)
          .sort()
          .map((name) => simpleParser(readFileSync(join(dir, name)))),
      );
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
        attachments: [
          { filename: 'Схема подключения.pdf', content: customerFiles['scan.pdf'] },
          // The picture in the operator's signature is part of the letter, not a file for the customer.
          { filename: 'logo.jpg', content: customerFiles['meter.jpg'], cid: 'logo@signature', contentDisposition: 'inline' },
        ],
      });
      await mailed.app.pushes.kick();
      const [answered, document, ...more] = await customer.replies();
      expect(more).toEqual([]);
      expect(answered?.text).toBe(`Ответ на обращение ${number}:\nЗаявку можно подать в личном кабинете сетевой компании.\n\nС уважением, Ирина`);
      expect(document).toMatchObject({ file: 'Схема подключения.pdf', buttons: ['Ответить', 'Открыть обращение'] });

      const forged = replyTo.replace(/\.[0-9a-f]{24}@/, '.000000000000000000000000@');
      await expect(smtp().sendMail({ from: 'someone@evil.test', to: forged, subject: 'x', text: 'Ответ от самозванца' })).rejects.toMatchObject({
        responseCode: 550,
      });

      await customer.presses('Ответить');
      await customer.says('А сколько это стоит?');
      await customer.sendsFile({ name: 'Паспорт.pdf', bytes: customerFiles['scan.pdf'], mime: 'application/pdf' });
      await customer.presses('Готово');
      const thread = (await outbox()).filter((mail) => mail.subject === `Re: [${number}] Новое обращение: Подключение`);
      const addition = thread.find((mail) => mail.text?.includes('А сколько это стоит?'));
      expect(addition).toMatchObject({ inReplyTo: toOperators?.messageId });
      expect(addition?.attachments.map((file) => [file.filename, file.contentType])).toEqual([['Паспорт.pdf', 'application/pdf']]);

      // Every answer, from any route, joins the mailbox's thread: nobody reading it answers again.
      expect(
        (
          await mailed.operator(`/operator/appeals/${encodeURIComponent(number)}/replies`, {
            text: 'Стоимость — 550 ₽.',
            key: 'crm-cost',
            operator: 'Ирина (CRM)',
          })
        ).status,
      ).toBe(201);
      // The API's own kick may be sending it right now: awaited, rather than raced by the next delivery.
      await mailed.app.mail.kick();
      const copies = (await outbox()).filter(
        (mail) => mail.subject === `Re: [${number}] Новое обращение: Подключение` && mail.text?.includes('ответ клиенту дан'),
      );
      expect(copies.map((mail) => [mail.inReplyTo, mail.text?.split('\n')[0]])).toEqual([
        [toOperators?.messageId, `Обращение ${number}: ответ клиенту дан (ответ по почте, operator@energosbyt.test).`],
        [toOperators?.messageId, `Обращение ${number}: ответ клиенту дан (API, Ирина (CRM)).`],
      ]);
      expect(copies[0]?.attachments.map((file) => file.filename)).toEqual(['Схема подключения.pdf']);
    });
  });
});
