import { SendPace } from '../../bots/channels/max/send-pace';

/** When each send goes, asked for one after another at the same moment `at`. */
function turns(chats: readonly string[], limits = { perSecond: 30, perChatPerSecond: 2 }, at = 5000): number[] {
  const pace = new SendPace(limits, () => at);
  return chats.map((chat) => pace.reserve(chat));
}

describe("MAX's limits kept by the send pace", () => {
  it('lets two messages a second into one chat, the third a second after the first', () => {
    expect(turns(['a', 'a', 'a', 'a', 'a'])).toEqual([0, 0, 1000, 1000, 2000]);
  });

  it('does not hold one chat back for another', () => {
    expect(turns(['a', 'a', 'b', 'b', 'a'])).toEqual([0, 0, 0, 0, 1000]);
  });

  it('keeps the whole bot within its calls a second', () => {
    expect(turns(['a', 'b', 'c', 'd'], { perSecond: 3, perChatPerSecond: 2 })).toEqual([0, 0, 0, 1000]);
  });

  it('lets a chat quiet for a second send at once again', () => {
    let now = 0;
    const pace = new SendPace({ perSecond: 30, perChatPerSecond: 2 }, () => now);
    expect([pace.reserve('a'), pace.reserve('a')]).toEqual([0, 0]);
    now = 1000;
    expect([pace.reserve('a'), pace.reserve('a'), pace.reserve('a')]).toEqual([0, 0, 1000]);
  });

  it('gives up a wait when the send is cancelled', async () => {
    const pace = new SendPace({ perSecond: 30, perChatPerSecond: 1 }, () => 0);
    await pace.turn('a');
    const cancelled = new AbortController();
    const waiting = pace.turn('a', cancelled.signal);
    cancelled.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
