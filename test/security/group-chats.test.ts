import { ChatIdentity, LinkFailure } from '../../db/entities';
import { bothChannels } from '../support/both-channels';

const privateOnly =
  'Я работаю только в личной переписке: там ваш лицевой счёт, адрес и показания не увидит никто, кроме вас. В группах и каналах я ничего не делаю.';

describe('group chats', () => {
  const both = bothChannels();

  it('Telegram: in a supergroup the bot says it works in private chats, with a link to one, and starts nothing: no linking, no account shown', async () => {
    const group = -100_1701;
    for (const text of ['/start', '/link', '100000000001', '/info']) both.api.memberTypesInGroup(group, 1701, text);
    both.api.memberPressesInGroup(group, 1701, 'go:link');
    const sent = await both.api.waitForMessages(group, 4);
    while (!both.api.allConfirmed()) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(sent.map((call) => call.params['text'])).toEqual(Array(4).fill(privateOnly));
    expect(sent[0]?.params['reply_markup']).toEqual({ inline_keyboard: [[{ text: 'Написать боту лично', url: 'https://t.me/energobot_test_bot' }]] });
    expect(both.api.calls.filter((call) => call.method === 'answerCallbackQuery')).toHaveLength(1);
    expect(both.api.messagesTo(group).filter((call) => String(call.params['text']).includes('Воронеж'))).toEqual([]);
    expect(await both.app.runtime.orm.em.fork().count(ChatIdentity, {})).toBe(0);
    expect(await both.app.runtime.orm.em.fork().count(LinkFailure, {})).toBe(0);
  });

  it('Telegram: a group where the bot may not write holds no customer behind it', async () => {
    both.api.failNext('sendMessage', { status: 403, description: 'Forbidden: bot is not a member of the supergroup chat' }, 30);
    both.api.memberTypesInGroup(-100_1703, 1703, '/start');
    while (!both.api.allConfirmed()) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(both.api.arrived.filter((method) => method === 'sendMessage')).toHaveLength(1);
    expect(both.app.logs.filter((line) => line.includes('telegram update not handled'))).toEqual([]);
  });

  it('Bot Framework: in a group conversation the bot answers every message so, and handles none', async () => {
    const inGroup = (text: string) => both.channel.post({ type: 'message', text, conversation: { id: 'group-1702', isGroup: true } }, 'user-1702');
    const answers = [];
    for (const text of ['/start', '/link', '100000000001']) answers.push(await inGroup(text));
    expect(answers.map(({ status }) => status)).toEqual([200, 200, 200]);
    expect(answers.flatMap(({ replies }) => replies.map((reply) => reply.text))).toEqual(Array(3).fill(privateOnly));
    expect(await both.app.runtime.orm.em.fork().count(ChatIdentity, {})).toBe(0);
  });
});
