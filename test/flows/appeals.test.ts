import { alertUnansweredAppeals } from '../../core/features/appeals/alert-unanswered';
import { answerAppeal } from '../../core/features/appeals/answer-appeal';
import { appealYear } from '../../core/features/appeals/appeal';
import { Appeal, AppealFile, ChatPush, QueuedMail } from '../../db/entities';
import { appealNumberIn, fileAsStranger } from '../support/appeal-scripts';
import { SqlChatPushes } from '../../db/repositories/sql-chat-pushes';
import { createWorld, talk, type World } from '../support/conversation';

const askWho = 'Вы клиент компании? Если знаете номер лицевого счёта, обращение будет привязано к нему.';
const askTopic = 'Выберите тему обращения:';
const askName = 'Представьтесь, пожалуйста: как к вам обращаться?';
const askEmail = 'Введите e-mail, на который прислать ответ, например: ivanova@mail.ru.';
const askPhone = 'Введите номер мобильного телефона для связи, например: +7 900 123-45-67, — или выберите ответ только по e-mail.';
const askAddress = 'Укажите улицу, дом и квартиру в населённом пункте г. Липецк, по которым у вас вопрос, например: ул. Кольцовская, д. 24, кв. 17.';
const askMessage: unknown = expect.stringMatching(/^Напишите ваш вопрос \(до 4 000 символов\)/);
const draftEnd: unknown = expect.stringMatching(/Проверьте, всё ли верно\. Отправить обращение\?$/);
const askFiles =
  'Прикрепите фотографии или документы, если они нужны специалисту (фото счётчика, квитанция, скан): до 5 файлов, до 10 МБ каждый, изображения (JPEG, PNG, WebP, GIF) или PDF. Или нажмите «Без вложений».';
const notFile = 'Здесь нужен файл: фотография или документ (изображение или PDF, до 10 МБ). Если файлов нет, нажмите кнопку под вопросом.';
const wrongType = 'такой тип файла не принимается. Пришлите изображение (JPEG, PNG, WebP, GIF) или PDF.';

/** A stranger's appeal up to its files. */
const fileAsStrangerUntilFiles = fileAsStranger.slice(0, -2);

describe('appeals', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  it('files a non-customer appeal step by step, every bad answer explained and nothing lost, and shows the draft in full', async () => {
    const customer = world.customer('stranger');
    await talk(customer, [
      { say: '/appeal', expect: [askWho], buttons: ['Да, знаю номер счёта', 'Не клиент компании'] },
      { press: 'Не клиент компании', expect: ['Укажите населённый пункт, например: г. Воронеж.'] },
      { say: '12', expect: [expect.stringMatching(/^Не получилось прочитать адрес/), 'Укажите населённый пункт, например: г. Воронеж.'] },
      {
        say: 'г. Липецк',
        expect: [askTopic],
        buttons: ['Показания счётчика', 'Оплата и баланс', 'Квитанции', 'Замена счётчика', 'Подключение', 'Нет электроснабжения', 'Другое'],
      },
      { press: 'Подключение', expect: [askName] },
      { send: 'sticker', expect: ['Здесь нужно ввести ответ текстом.', askName] },
      { say: '123', expect: ['Не получилось прочитать имя. Напишите, как к вам обращаться, буквами, например: Мария Петровна.', askName] },
      { say: 'Олег', expect: [askEmail] },
      { say: 'oleg.mail.ru', expect: ['Это не похоже на адрес электронной почты. Введите его полностью, например: ivanova@mail.ru.', askEmail] },
      { say: 'oleg@mail.ru', expect: [askPhone], buttons: ['Отвечать только по e-mail', 'Отмена'] },
      {
        say: '+7 495 123-45-67',
        expect: ['Это не номер мобильного телефона. Введите его так: +7 900 123-45-67, — или выберите ответ только по e-mail.', askPhone],
      },
      { say: '8 (900) 123 45 67', expect: [askAddress] },
      { say: 'ул. Ленина, 5', expect: [askMessage] },
      { say: 'Коротко', expect: ['Сообщение слишком короткое: напишите хотя бы 10 символов, чтобы специалист понял вопрос.', askMessage] },
      { say: 'я'.repeat(4001), expect: ['Сообщение длиннее 4 000 символов (в нём 4 001). Сократите его, пожалуйста: введённое раньше сохранено.', askMessage] },
      { files: ['meter.jpg'], expect: ['Сначала напишите сообщение текстом: фотографии и документы можно будет прикрепить следующим шагом.', askMessage] },
      { say: 'Как подключить дачный дом к сети?', expect: [askFiles], buttons: ['Без вложений'] },
      { say: 'вот фото', expect: [notFile, askFiles] },
      { send: 'sticker', expect: [notFile, askFiles] },
      { files: ['notes.docx'], expect: [`Файл «notes.docx» не прикреплён: ${wrongType}`, askFiles] },
      { files: ['invoice.pdf.exe'], expect: [`Файл «invoice.pdf.exe» не прикреплён: ${wrongType}`, askFiles] },
      { files: ['empty.png'], expect: ['Файл «empty.png» не прикреплён: файл пустой.', askFiles] },
      {
        files: ['big.pdf'],
        expect: ['Файл «big.pdf» не прикреплён: файл больше 10 МБ, а столько не принимается. Уменьшите его или пришлите снимок страницы.', askFiles],
      },
      {
        files: ['scan.pdf'],
        declared: 30 * 1024 * 1024,
        expect: ['Файл «scan.pdf» не прикреплён: файл весит 30 МБ, а можно не больше 10 МБ. Уменьшите его или пришлите снимок страницы.', askFiles],
      },
      {
        files: ['meter.jpg', 'scan.pdf'],
        expect: ['Прикреплено файлов: 2 из 5:\n📎 meter.jpg (0,1 МБ)\n📎 scan.pdf (0,1 МБ)\nПришлите ещё или нажмите «Готово».'],
        buttons: ['Готово', 'Убрать все файлы'],
      },
      {
        press: 'Готово',
        expect: [
          'Черновик обращения\nТема: Подключение\nИмя: Олег\nE-mail для ответа: oleg@mail.ru\nТелефон: +79001234567\nНаселённый пункт: г. Липецк\nАдрес: ул. Ленина, 5\nВложения: 📎 meter.jpg (0,1 МБ)\n📎 scan.pdf (0,1 МБ)',
          'Ваше сообщение:\nКак подключить дачный дом к сети?\n\nПроверьте, всё ли верно. Отправить обращение?',
        ],
        buttons: ['Отправить обращение', 'Изменить', 'Удалить черновик'],
      },
      { press: 'Изменить', expect: ['Что изменить?'], buttons: ['Тема', 'Имя', 'E-mail для ответа', 'Телефон', 'Адрес', 'Сообщение', 'Вложения'] },
      { press: 'Телефон', expect: [askPhone] },
      { press: 'Отвечать только по e-mail', expect: [expect.stringContaining('Телефон: только e-mail'), draftEnd] },
      {
        press: 'Отправить обращение',
        expect: [expect.stringMatching(/^Обращение отправлено, его номер А-\d{4}-000001\. Номер отправлен и на oleg@mail\.ru/)],
        buttons: ['Открыть обращение', 'Меню'],
      },
    ]);
    // The declared 30 MB was refused unread; every other file was read once.
    expect(world.channelFiles.reads).toBe(6);
    const [appeal] = await world.orm.em.fork().find(Appeal, {});
    expect(appeal?.attachments.map((file) => [file.name, file.mime])).toEqual([
      ['meter.jpg', 'image/jpeg'],
      ['scan.pdf', 'application/pdf'],
    ]);
    expect(appeal).toMatchObject({
      topic: 'connection',
      name: 'Олег',
      email: 'oleg@mail.ru',
      phone: null,
      appellant: { kind: 'non-customer', locality: 'г. Липецк', address: 'ул. Ленина, 5' },
      channel: 'telegram',
      chatId: 'stranger',
      status: 'received',
    });
    const [mail] = await world.orm.em.fork().find(QueuedMail, { recipient: 'oleg@mail.ru' });
    expect(mail?.subject).toMatch(/^Обращение А-\d{4}-000001 принято$/);
  });

  it('takes the linked account and its e-mail with one tap, and files one appeal however often the update comes', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543,20');
    await talk(customer, [
      { say: '/appeal', expect: [askTopic] },
      { press: 'Квитанции', expect: [askName] },
      {
        say: 'Мария Петровна',
        expect: ['Ответ придёт на demo1@example.ru. Оставить этот адрес или ввести другой?'],
        buttons: ['Оставить demo1@example.ru', 'Отмена'],
      },
      { press: 'Оставить demo1@example.ru', expect: [askPhone] },
      { press: 'Отвечать только по e-mail', expect: [askMessage] },
      { say: 'Не пришла квитанция за октябрь.', expect: [askFiles] },
      {
        press: 'Без вложений',
        expect: [expect.stringContaining('Лицевой счёт: 100000000001\nАдрес: г. Воронеж, ул. Кольцовская, д. 24, кв. 17\nВложения: нет'), draftEnd],
      },
    ]);
    // The platform fails to take the answer: it delivers the press again, twice.
    customer.refusing = true;
    await expect(customer.presses('Отправить обращение')).rejects.toThrow('the platform refused the reply');
    customer.refusing = false;
    const [filed] = await customer.redelivers();
    expect(filed).toMatch(/^Обращение отправлено, его номер А-\d{4}-000001/);
    expect(await customer.redelivers()).toEqual([]);
    expect(await world.orm.em.fork().count(Appeal, {})).toBe(1);
    expect(await world.orm.em.fork().count(QueuedMail, { subject: { $like: 'Обращение%' } })).toBe(1);
  });

  it('takes the words the customer typed into the message field and a pre-chosen topic, shows them in the draft and sends nothing unasked', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543,20');
    const complaint = 'Прошу проверить начисление за октябрь: показания передавал вовремя, а начислили по нормативу.';
    // The message is filled: the flow asks everything else, never the message, and stops at the draft.
    await talk(customer, [
      { say: `/appeal text:${complaint}`, expect: [askTopic] },
      { press: 'Показания счётчика', expect: [askName] },
      { say: 'Мария Петровна', expect: ['Ответ придёт на demo1@example.ru. Оставить этот адрес или ввести другой?'] },
      { press: 'Оставить demo1@example.ru', expect: [askPhone] },
      { press: 'Отвечать только по e-mail', expect: [askFiles] },
      {
        press: 'Без вложений',
        expect: [expect.stringContaining('Тема: Показания счётчика'), `Ваше сообщение:\n${complaint}\n\nПроверьте, всё ли верно. Отправить обращение?`],
      },
    ]);
    expect(await world.orm.em.fork().count(Appeal, {})).toBe(0);
    // The customer edits the pre-filled words before sending.
    await customer.presses('Изменить');
    await talk(customer, [
      { press: 'Сообщение', expect: [askMessage] },
      { say: 'Начислили по нормативу, хотя показания переданы 20 октября.', expect: [expect.stringContaining('Черновик обращения'), draftEnd] },
    ]);
    await customer.presses('Отправить обращение');
    const [appeal] = await world.orm.em.fork().find(Appeal, {});
    expect(appeal).toMatchObject({ topic: 'readings', message: 'Начислили по нормативу, хотя показания переданы 20 октября.' });
  });

  it('starts «сломался счётчик» on the meter-replacement topic, and ignores an argument that is not a topic or too short a message', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543,20');
    expect(await customer.pressesData('go:appeal:topic:meter')).toEqual([askName]);
    await customer.says('Мария Петровна');
    await customer.presses('Оставить demo1@example.ru');
    await customer.presses('Отвечать только по e-mail');
    await customer.says('Счётчик сломался, нужна замена.');
    const [draft] = await customer.presses('Без вложений');
    expect(draft).toContain('Тема: Замена счётчика');
    await customer.presses('Удалить черновик');
    expect(await customer.pressesData('go:appeal:topic:nonsense')).toEqual([askTopic]);
    await customer.says('/cancel');
    await customer.says('/appeal text:да');
    // Too short to be a message: the message is asked as usual, after the topic.
    expect(await customer.presses('Начать заново')).toEqual([askTopic]);
  });

  it('keeps the draft through another task and a lost conversation state, and offers it back', async () => {
    const customer = world.customer('stranger');
    await customer.says('/appeal');
    await customer.presses('Не клиент компании');
    await customer.says('г. Липецк');
    await customer.presses('Другое');
    await customer.says('/help');
    expect(customer.buttons()[0]).toBe('↩ Продолжить: Написать обращение');
    expect(await customer.presses('↩ Продолжить: Написать обращение')).toEqual(['Продолжим с того места, где вы остановились.', askName]);
    await customer.says('Олег');
    // As after a restart with the conversation state gone: the draft is in the database.
    world.sessions.delete('energobot:session:telegram:stranger');
    await talk(customer, [
      {
        say: 'написать обращение',
        expect: [expect.stringMatching(/^У вас есть неотправленный черновик обращения от \d\d\.\d\d\.\d{4}, \d\d:\d\d\. Продолжить его\?$/)],
        buttons: ['Продолжить черновик', 'Начать заново'],
      },
      { press: 'Продолжить черновик', expect: [askEmail] },
    ]);
  });

  it("lists the chat's appeals, shows a thread and takes an addition; a closed appeal takes none", async () => {
    const customer = await world.linkedCustomer('100000000003', '500');
    for (const message of ['Почему такая большая задолженность?', 'Когда поменяют счётчик?']) {
      await customer.says('/appeal');
      await customer.presses('Оплата и баланс');
      await customer.says('Олег');
      await customer.presses('Оставить demo3@example.ru');
      await customer.presses('Отвечать только по e-mail');
      await customer.says(message);
      await customer.presses('Без вложений');
      await customer.presses('Отправить обращение');
    }
    const year = world.clock.now().getUTCFullYear();
    await world.services.appeals.addMessage(`А-${year}-000001`, {
      from: 'operator',
      text: 'Задолженность за три месяца: июль, август, сентябрь.',
      at: world.clock.now().toISOString(),
    });
    await talk(customer, [
      {
        say: 'мои обращения',
        expect: ['Ваши обращения за последние три месяца: 2. Выберите обращение, чтобы открыть переписку.'],
        buttons: [`А-${year}-000002 · Оплата и баланс · получено`, `А-${year}-000001 · Оплата и баланс · есть ответ`, 'Написать обращение', 'Меню'],
      },
      {
        press: `А-${year}-000001 · Оплата и баланс · есть ответ`,
        expect: [
          expect.stringMatching(
            new RegExp(
              `^Обращение А-${year}-000001 · Оплата и баланс · есть ответ\\n— Вы, .+: Почему такая большая задолженность\\?\\n— Специалист, .+: Задолженность за три месяца`,
            ),
          ),
        ],
        buttons: ['Дополнить обращение', 'Все обращения', 'Меню'],
      },
      { press: 'Дополнить обращение', expect: [`Напишите, что добавить к обращению А-${year}-000001 или какой вопрос задать.`] },
      { say: 'Спасибо, а пени начислены?', expect: [askFiles] },
      { files: ['scan.pdf'], expect: ['Прикреплено файлов: 1 из 5:\n📎 scan.pdf (0,1 МБ)\nПришлите ещё или нажмите «Готово».'] },
      { press: 'Готово', expect: [`Добавлено к обращению А-${year}-000001. Специалист увидит это в переписке.`] },
      {
        pressData: `go:appeals:А-${year}-000001`,
        expect: [expect.stringMatching(/— Вы, .+: Спасибо, а пени начислены\?\n📎 scan\.pdf \(0,1 МБ\)$/)],
        buttons: ['Дополнить обращение', 'Файлы переписки (1)', 'Все обращения', 'Меню'],
      },
      { press: 'Файлы переписки (1)', expect: [`scan.pdf — ваш файл к обращению А-${year}-000001`, `Это файлы переписки по обращению А-${year}-000001.`] },
    ]);
    expect(customer.file()).toMatchObject({ name: 'scan.pdf', mime: 'application/pdf' });
    expect((await world.services.files.get(customer.file()!.id))?.bytes.toString('latin1')).toMatch(/^%PDF-1\.4/);
    const mailed = await world.orm.em.fork().findOne(QueuedMail, { recipient: 'appeals@energosbyt.test', subject: { $like: 'Re:%' } });
    expect(mailed?.attachments?.map((file) => file.name)).toEqual(['scan.pdf']);
    expect((await world.services.appeals.thread(`А-${year}-000001`))?.appeal.status).toBe('received');
    await world.services.appeals.close(`А-${year}-000002`, world.clock.now());
    expect(await customer.pressesData(`go:appeals:А-${year}-000002_add`)).toEqual([
      `Обращение А-${year}-000002 закрыто. Если вопрос остался, напишите новое обращение.`,
    ]);
    expect(await world.customer('other').pressesData(`go:appeals:А-${year}-000001`)).toEqual([
      `Обращение А-${year}-000001 не найдено среди обращений из этого чата.`,
      'Что вы хотите сделать?',
    ]);
  });

  it('takes at most five files, says which were left out, reads each file once however often the update comes, and names a file that is gone', async () => {
    const customer = world.customer('stranger');
    for (const step of fileAsStrangerUntilFiles) await ('press' in step ? customer.presses(step.press) : customer.says(step.say));
    const five = ['photo.docx', 'scan.pdf', 'meter.jpg', 'scan.pdf', 'meter.jpg', 'scan.pdf'] as const;
    const [first, second] = await customer.sendsFiles(five);
    expect(first).toBe('Можно прикрепить не больше 5 файлов; не прикреплено: 1.');
    expect(second).toBe('Прикреплено 5 файлов: больше прикрепить нельзя.');
    expect(await customer.redelivers()).toEqual([]);
    expect(world.channelFiles.reads).toBe(5);
    expect(await world.orm.em.fork().count(AppealFile, {})).toBe(5);
    // A PNG renamed «.docx» is kept as the picture it is, under a name that says so.
    expect(await world.orm.em.fork().count(AppealFile, { name: 'photo.png', mime: 'image/png' })).toBe(1);

    const other = world.customer('stranger-2');
    for (const step of fileAsStrangerUntilFiles) await ('press' in step ? other.presses(step.press) : other.says(step.say));
    // Direct Line's link answers 404 by the time the file is read.
    expect(await other.sendsFiles(['scan.pdf'], { gone: true })).toEqual([
      'Файл «scan.pdf» не прикреплён: файл не удалось получить. Пришлите его ещё раз.',
      askFiles,
    ]);
  });

  it("numbers an appeal by the supplier's year: at 00:30 on 1 January in Moscow (21:30 on 31 December in UTC) it is the new year's first", async () => {
    world.clock.at = new Date('2026-12-31T21:30:00Z');
    const customer = world.customer('stranger');
    for (const step of fileAsStranger) await ('press' in step ? customer.presses(step.press) : customer.says(step.say));
    expect(await world.orm.em.fork().find(Appeal, {}, { fields: ['number', 'year'] })).toMatchObject([{ number: 'А-2027-000001', year: 2027 }]);
  });

  it("adds to an appeal when the customer answers its message with Telegram's reply: text, or a photo alone", async () => {
    const customer = world.customer('stranger');
    for (const step of fileAsStrangerUntilFiles) await ('press' in step ? customer.presses(step.press) : customer.says(step.say));
    await customer.presses('Без вложений');
    const [filed] = await customer.presses('Отправить обращение');
    const number = appealNumberIn(filed ?? '');
    // In the middle of another task, the reply still goes to the appeal; the task waits to be continued.
    await customer.says('/readings');
    expect(await customer.repliesTo(`Ответ на обращение ${number}:\nПодайте заявку.`, 'А какие документы нужны?')).toEqual([askFiles]);
    expect(await customer.presses('Без вложений')).toEqual([`Добавлено к обращению ${number}. Специалист увидит это в переписке.`]);
    expect(customer.buttons()).toContain('↩ Продолжить: Передать показания');
    expect(await customer.sendsFiles(['meter.jpg'], { inReplyTo: `Ответ на обращение ${number}:\nПодайте заявку.` })).toEqual([
      'Прикреплено файлов: 1 из 5:\n📎 meter.jpg (0,1 МБ)\nПришлите ещё или нажмите «Готово».',
    ]);
    expect(await customer.presses('Готово')).toEqual([`Добавлено к обращению ${number}. Специалист увидит это в переписке.`]);
    const thread = await world.services.appeals.thread(number);
    expect(thread?.messages.map((message) => [message.text, message.files?.map((one) => one.name)])).toEqual([
      ['А какие документы нужны?', []],
      ['', ['meter.jpg']],
    ]);
    // A reply to a message about someone else's appeal opens nothing.
    expect(await world.customer('other').repliesTo(`Ответ на обращение ${number}:`, 'Покажите')).toEqual([
      `Обращение ${number} не найдено среди обращений из этого чата.`,
      'Что вы хотите сделать?',
    ]);
  });

  it('alerts the supervisors once about an appeal without an answer for 48 hours', async () => {
    const customer = await world.linkedCustomer('100000000001', '1543,20');
    await customer.says('/appeal');
    await customer.presses('Другое');
    await customer.says('Мария');
    await customer.presses('Оставить demo1@example.ru');
    await customer.presses('Отвечать только по e-mail');
    await customer.says('Проверьте, пожалуйста, начисления за октябрь.');
    await customer.presses('Без вложений');
    await customer.presses('Отправить обращение');
    const supervisors = ['head@energosbyt.test', 'deputy@energosbyt.test'];
    const alert = () =>
      alertUnansweredAppeals(world.services, { supervisors, answerWithinHours: 48, publicUrl: 'https://bot.energosbyt.test' }, world.clock.now());
    world.clock.advance(47 * 3600_000);
    expect(await alert()).toBe(0);
    world.clock.advance(2 * 3600_000);
    expect(await alert()).toBe(1);
    expect(await alert()).toBe(0);
    const alerts = await world.orm.em.fork().find(QueuedMail, { subject: { $like: '%Нет ответа больше 48 ч' } });
    expect(alerts.map((mail) => mail.recipient).sort()).toEqual(['deputy@energosbyt.test', 'head@energosbyt.test']);
    const number = appealNumberIn(alerts[0]?.subject ?? '');
    expect(alerts[0]?.body).toContain(`https://bot.energosbyt.test/desk/appeals/${encodeURIComponent(number)}`);
    // Answered, then written to again: a new wait, alerted on once more when it too goes unanswered.
    const at = () => world.clock.now().toISOString();
    await world.services.appeals.addMessage(number, { from: 'operator', text: 'Проверяем.', at: at(), by: { name: 'ivanova', route: 'desk' } });
    world.clock.advance(3600_000);
    await world.services.appeals.addMessage(number, { from: 'customer', text: 'Есть новости?', at: at() });
    world.clock.advance(47 * 3600_000);
    expect(await alert()).toBe(0);
    world.clock.advance(2 * 3600_000);
    expect(await alert()).toBe(1);
    expect(await world.orm.em.fork().count(QueuedMail, { subject: { $like: '%Нет ответа больше 48 ч' } })).toBe(4);
  });

  it("keeps an operator's key per appeal: the same key answers two appeals once each", async () => {
    const draft = {
      appellant: { kind: 'non-customer', locality: 'г. Липецк', address: 'ул. Ленина, 5' },
      topic: 'other',
      name: 'Олег',
      email: 'oleg@mail.ru',
      phone: null,
      message: 'Вопрос про свет на улице.',
      attachments: [],
    } as const;
    const chat = { channel: 'telegram', id: 'stranger' } as const;
    const filing = () =>
      ({ draft, chat, locale: 'ru', at: world.clock.now(), year: appealYear(world.clock.now(), world.services.localizer.timeZone) }) as const;
    const [first, second] = [await world.services.appeals.file(filing()), await world.services.appeals.file(filing())];
    const services = { ...world.services, pushes: new SqlChatPushes(world.orm, world.clock.now), attachments: world.attachments };
    const reply = { text: 'Свет дадут к вечеру.', key: 'crm-1', by: { name: 'crm', route: 'api' } } as const;
    expect(await answerAppeal(services, first.number, reply, world.clock.now())).toBe('answered');
    expect(await answerAppeal(services, second.number, reply, world.clock.now())).toBe('answered');
    expect(await answerAppeal(services, first.number, reply, world.clock.now())).toBe('repeated');
    expect(await world.orm.em.fork().count(ChatPush, { messageKey: 'push-appeal-answered' })).toBe(2);
  });
});
