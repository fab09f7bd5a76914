import { ChatPush } from '../../db/entities';
import { endLiveChat, sayToCustomer, takeLiveChat } from '../../core/features/live-chat/operator-side';
import { releaseUnattendedQueue } from '../../core/features/live-chat/release-queue';
import { createWorld, talk, type World } from '../support/conversation';

const menu = 'Что вы хотите сделать?';
const queued = (position: number, minutes: number) =>
  `Вы в очереди к оператору: ${position}-й. Ожидание — около ${minutes} мин. Напишите, что случилось, — оператор увидит это, как только подключится.`;

/** «Позвать оператора»: the queue, the conversation both ways, either side ending it, and the appeal when nobody can talk. */
describe('a live operator', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });
  afterEach(() => world.close());

  const operatorSide = () => ({ liveChats: world.services.liveChats, pushes: world.services.pushes, attachments: world.attachments });
  const pushedTo = async (chatId: string) =>
    (await world.orm.em.fork().find(ChatPush, { chatId }, { orderBy: { id: 'asc' } })).map((push) => [push.messageKey, push.messageArgs]);
  const onDuty = (...operators: string[]) => Promise.all(operators.map((operator) => world.services.liveChats.onDuty(operator, world.clock.now())));

  it('outside the hours offers an appeal with what the customer wrote', async () => {
    // Saturday, 12:00 in Moscow.
    world.clock.at = new Date('2026-11-28T09:00:00Z');
    const customer = await world.linkedCustomer('100000000001', '1543,20');
    await talk(customer, [
      {
        say: 'Позовите оператора, у меня не проходит оплата картой',
        expect: ['Операторы отвечают в чате:\nпн–пт 09:00–18:00\nСейчас можно написать обращение — ответ придёт сюда и на e-mail.'],
        buttons: ['Написать обращение', 'Меню'],
      },
      { press: 'Написать обращение', expect: [expect.stringMatching(/^Выберите тему обращения/)] },
    ]);
    expect((await world.services.appeals.draft(customer.chat))?.draft.message).toBe('Позовите оператора, у меня не проходит оплата картой');
  });

  it('in the hours with nobody on duty offers an appeal; with somebody, queues three customers and moves them as two operators take them', async () => {
    const [first, second, third] = ['live-1', 'live-2', 'live-3'].map((id) => world.customer(id));
    await talk(first as never, [{ say: '/operator', expect: ['Сейчас нет свободных операторов. Напишите обращение — ответ придёт сюда и на e-mail.'] }]);
    await onDuty('ivanova', 'petrov');
    await talk(first as never, [{ say: 'позовите оператора', expect: [queued(1, 5)], buttons: ['Выйти из очереди'] }]);
    await talk(second as never, [{ say: 'talk to a human', expect: [queued(2, 5)] }]);
    await talk(third as never, [{ say: '/operator', expect: [queued(3, 10)] }]);
    const [one, two] = await world.services.liveChats.queue();
    expect(await takeLiveChat(operatorSide(), one?.id ?? 0, 'ivanova', world.clock.now())).toBe(true);
    expect(await takeLiveChat(operatorSide(), one?.id ?? 0, 'petrov', world.clock.now())).toBe(false);
    expect(await pushedTo('live-1')).toEqual([['live-operator-joined', {}]]);
    expect(await pushedTo('live-2')).toEqual([['live-queue-moved', { position: 1, minutes: 5 }]]);
    expect(await pushedTo('live-3')).toEqual([['live-queue-moved', { position: 2, minutes: 5 }]]);
    expect(await takeLiveChat(operatorSide(), two?.id ?? 0, 'petrov', world.clock.now())).toBe(true);
    expect((await pushedTo('live-3')).at(-1)).toEqual(['live-queue-moved', { position: 1, minutes: 5 }]);
    await talk(third as never, [{ press: 'Выйти из очереди', expect: ['Вы вышли из очереди к оператору.', menu] }]);
    expect(await world.services.liveChats.queue()).toEqual([]);
  });

  it('passes words and photos to the operator, answers back, and offers the task left for it when the customer ends it', async () => {
    await onDuty('ivanova');
    const customer = await world.linkedCustomer('100000000001', '1543,20');
    await talk(customer, [
      { press: 'Передать показания', expect: [expect.stringContaining('Последнее принятое показание')] },
      { say: 'соедините с оператором', expect: [queued(1, 5)] },
    ]);
    const live = (await world.services.liveChats.openOf(customer.chat))?.id ?? 0;
    await takeLiveChat(operatorSide(), live, 'ivanova', world.clock.now());
    await talk(customer, [
      // Another task's words go to the operator too.
      { say: 'Хочу передать показания, а счётчик не показывает', expect: [] },
      { files: ['meter.jpg'], expect: [] },
      { send: 'sticker', expect: ['Оператору можно передать текст, фотографию или документ (изображение или PDF).'] },
    ]);
    const messages = await world.services.liveChats.messages(live, 0);
    expect(messages.map((message) => [message.from, message.text, message.files.map((file) => file.mime)])).toEqual([
      ['customer', 'Хочу передать показания, а счётчик не показывает', []],
      ['customer', '', ['image/jpeg']],
    ]);
    const answer = { text: 'Пришлите фото поближе.', key: 'form-1', files: [] };
    expect(await sayToCustomer(operatorSide(), live, 'ivanova', answer, world.clock.now())).toBe('sent');
    expect(await sayToCustomer(operatorSide(), live, 'ivanova', answer, world.clock.now())).toBe('repeated');
    expect(await sayToCustomer(operatorSide(), live, 'petrov', { ...answer, key: 'form-2' }, world.clock.now())).toBe('not-yours');
    expect((await pushedTo('customer-1')).filter(([key]) => key === 'live-operator-says')).toEqual([
      ['live-operator-says', { text: 'Пришлите фото поближе.' }],
    ]);
    await talk(customer, [
      {
        // What «Завершить разговор» under the operator's «подключился» sends.
        say: '/operator end',
        expect: ['Разговор с оператором завершён.', expect.stringContaining(menu)],
        buttons: expect.arrayContaining(['↩ Продолжить: Передать показания']) as unknown as string[],
      },
      { say: 'ещё вопрос', expect: expect.not.arrayContaining(['Разговор с оператором уже завершён']) as unknown as string[] },
    ]);
    expect((await world.services.liveChats.get(live))?.endedBy).toBe('customer');
  });

  it('asked for again mid-conversation, or left for the menu, every word still reaches the operator', async () => {
    await onDuty('ivanova');
    const customer = world.customer('live-5');
    await talk(customer, [{ say: '/operator', expect: [queued(1, 5)] }]);
    const live = (await world.services.liveChats.openOf(customer.chat))?.id ?? 0;
    expect(await takeLiveChat(operatorSide(), live, 'ivanova', world.clock.now())).toBe(true);
    // Her double click: still hers, and the customer told once.
    expect(await takeLiveChat(operatorSide(), live, 'ivanova', world.clock.now())).toBe(true);
    expect(await pushedTo('live-5')).toEqual([['live-operator-joined', {}]]);
    await talk(customer, [
      { say: 'Первое', expect: [] },
      { say: '/operator', expect: ['Вы уже разговариваете с оператором: пишите, он видит ваши сообщения.'] },
      { say: 'Второе', expect: [] },
      { say: '/menu', expect: [expect.stringContaining(menu)], buttons: expect.arrayContaining(['↩ Продолжить: Позвать оператора']) as unknown as string[] },
      { say: 'Третье', expect: [] },
      { files: ['meter.jpg'], expect: [] },
    ]);
    expect((await world.services.liveChats.messages(live, 0)).map((message) => message.text || message.files[0]?.mime)).toEqual([
      'Первое',
      'Второе',
      'Третье',
      'image/jpeg',
    ]);
  });

  it('lets the waiting chats go, told, when nobody can take them: no operator on duty for a while, or the hours over', async () => {
    const release = () => releaseUnattendedQueue(world.services, 'Europe/Moscow', world.clock.now());
    await onDuty('ivanova');
    const [early, late] = [world.customer('live-6'), world.customer('live-7')];
    await talk(early, [{ say: '/operator', expect: [queued(1, 5)] }]);
    expect(await release()).toBe(0);
    // The operator closed her page a minute later; a minute after the last look, she still counts.
    world.clock.advance(60_000);
    expect(await release()).toBe(0);
    world.clock.advance(2 * 60_000);
    expect(await release()).toBe(1);
    expect(await release()).toBe(0);
    expect(await pushedTo('live-6')).toEqual([['live-queue-closed', {}]]);
    await talk(early, [{ say: 'Алло?', expect: ['Разговор с оператором уже завершён: это сообщение ему не передано. Его можно отправить обращением.'] }]);
    // 17:59 in Moscow, on duty: queued; at 18:00 the hours are over.
    world.clock.at = new Date('2026-11-24T14:59:00Z');
    await onDuty('ivanova');
    await talk(late, [{ say: '/operator', expect: [expect.stringMatching(/^Вы в очереди к оператору: 1-й/)] }]);
    world.clock.advance(60_000);
    await onDuty('ivanova');
    expect(await release()).toBe(1);
    expect(await world.services.liveChats.queue()).toEqual([]);
  });

  it('when the operator ends it, a message after is not lost: it is offered as an appeal', async () => {
    await onDuty('ivanova');
    const customer = world.customer('live-4');
    await talk(customer, [{ say: '/operator', expect: [queued(1, 5)] }]);
    const live = (await world.services.liveChats.openOf(customer.chat))?.id ?? 0;
    await takeLiveChat(operatorSide(), live, 'ivanova', world.clock.now());
    expect(await endLiveChat(operatorSide(), live, world.clock.now())).toBe(true);
    // A resent form: done, and the customer told once.
    expect(await endLiveChat(operatorSide(), live, world.clock.now())).toBe(true);
    expect((await pushedTo('live-4')).filter(([key]) => key === 'live-ended-by-operator')).toEqual([['live-ended-by-operator', {}]]);
    await talk(customer, [
      {
        say: 'Подождите, ещё вопрос про перерасчёт',
        expect: ['Разговор с оператором уже завершён: это сообщение ему не передано. Его можно отправить обращением.'],
        buttons: ['Написать обращение', 'Меню'],
      },
      { press: 'Меню', expect: [expect.stringContaining(menu)] },
      // Asked for again, a new conversation; the wait now goes by the last one's length (under a minute).
      { say: '/operator', expect: [queued(1, 1)] },
    ]);
    expect((await world.services.liveChats.openOf(customer.chat))?.id).not.toBe(live);
  });
});
