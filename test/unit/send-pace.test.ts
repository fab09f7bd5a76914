import { SendPace, type PaceClock } from '../../bots/channels/max/send-pace';

/** Time that moves only when the test says: sleepers wake as it passes their hour. */
class ManualClock implements PaceClock {
  private at = 0;
  private sleepers: { readonly until: number; readonly wake: () => void }[] = [];

  now(): number {
    return this.at;
  }

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const sleeper = { until: this.at + ms, wake: resolve };
      this.sleepers.push(sleeper);
      signal.addEventListener('abort', () => {
        this.sleepers = this.sleepers.filter((other) => other !== sleeper);
        reject(signal.reason as Error);
      });
    });
  }

  async advance(ms: number): Promise<void> {
    this.at += ms;
    for (const sleeper of this.sleepers.filter((other) => other.until <= this.at)) sleeper.wake();
    await settled();
  }
}

const settled = async () => {
  for (let round = 0; round < 5; round += 1) await new Promise((resolve) => setImmediate(resolve));
};

/** Calls through the pace that record when they start; each is answered at once unless held. */
function harness(limits = { perSecond: 30, perChatPerSecond: 2 }) {
  const clock = new ManualClock();
  const pace = new SendPace(limits, clock);
  const started: [string, number][] = [];
  const held = new Map<string, () => void>();
  const call = (chat: string | undefined, name: string, options: { readonly hold?: boolean; readonly signal?: AbortSignal } = {}) =>
    pace.paced(
      chat,
      () =>
        new Promise<void>((resolve) => {
          started.push([name, clock.now()]);
          if (options.hold) held.set(name, resolve);
          else resolve();
        }),
      options.signal,
    );
  return { clock, started, call, answer: (name: string) => held.get(name)?.() };
}

describe("MAX's limits kept by the send pace", () => {
  it('lets two messages a second into one chat, the third a second after the first was answered', async () => {
    const { clock, started, call } = harness();
    void call('a', '1');
    void call('a', '2');
    void call('a', '3');
    await settled();
    await clock.advance(999);
    expect(started).toEqual([
      ['1', 0],
      ['2', 0],
    ]);
    await clock.advance(1);
    expect(started.at(-1)).toEqual(['3', 1000]);
  });

  it('does not hold one chat back for another', async () => {
    const { started, call } = harness();
    for (const [chat, name] of [
      ['a', '1'],
      ['a', '2'],
      ['a', '3'],
      ['b', '4'],
    ] as const)
      void call(chat, name);
    await settled();
    expect(started).toEqual([
      ['1', 0],
      ['2', 0],
      ['4', 0],
    ]);
  });

  it('counts a call still in flight, and for a second after its answer: a call that reaches MAX late crowds no second there', async () => {
    const { clock, started, call, answer } = harness({ perSecond: 2, perChatPerSecond: 2 });
    void call(undefined, 'slow', { hold: true });
    void call('a', 'fast');
    void call('b', 'third');
    await settled();
    await clock.advance(1000);
    expect(started.at(-1)).toEqual(['third', 1000]);
    void call('c', 'fourth');
    await clock.advance(500);
    answer('slow');
    await settled();
    await clock.advance(499);
    expect(started.map(([name]) => name)).not.toContain('fourth');
    await clock.advance(1);
    expect(started.at(-1)).toEqual(['fourth', 2000]);
  });

  it('gives up a wait when the send is cancelled, and the call is never made', async () => {
    const { started, call } = harness({ perSecond: 30, perChatPerSecond: 1 });
    await call('a', '1');
    const cancelled = new AbortController();
    const waiting = call('a', '2', { signal: cancelled.signal });
    await settled();
    cancelled.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(started.map(([name]) => name)).toEqual(['1']);
  });
});
