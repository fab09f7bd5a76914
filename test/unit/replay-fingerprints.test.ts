import type { ReplayState } from '@grammyjs/conversations/out/engine.js';
import type { FlowSession, Waiting } from '../../core/runner/flow-session';
import { runFingerprint, SavedRuns, type Fingerprints } from '../support/replay-fingerprints';

const waiting = (version: number, ...operations: string[]): Waiting => ({
  action: 'readings',
  version,
  locale: 'ru',
  run: 1,
  asked: 1,
  interrupt: operations.length - 1,
  state: { send: operations.map((payload) => ({ payload })), receive: [] } satisfies ReplayState,
  questions: [],
});
const session = (flow: Waiting): FlowSession => ({ v: 2, locale: 'ru', chosen: false, runs: 1, buttons: [], flow });

const asked = waiting(2, 'identities.linkedAccounts#0', 'say', 'input');
const committed: Fingerprints = { readings: { version: 2, runs: [runFingerprint(asked)] } };

describe.each([
  ['the same saved run', waiting(2, 'identities.linkedAccounts#0', 'say', 'input'), []],
  [
    'one more port call before the question, same version',
    waiting(2, 'identities.linkedAccounts#0', 'clock.now#0', 'say', 'input'),
    ['readings (version 2): 1 saved run(s) of a shape not seen before'],
  ],
  [
    'the calls swapped, same version',
    waiting(2, 'say', 'identities.linkedAccounts#0', 'input'),
    ['readings (version 2): 1 saved run(s) of a shape not seen before'],
  ],
  [
    'a bumped version not yet recorded',
    waiting(3, 'identities.linkedAccounts#0', 'clock.now#0', 'say', 'input'),
    [expect.stringContaining('readings: version 3')],
  ],
])('replay fingerprints: %s', (_case, run, expected) => {
  it('is told apart from the committed shapes', () => {
    const seen = new SavedRuns();
    seen.observe(session(run));
    expect(seen.unknownTo(committed)).toEqual(expected);
  });
});

describe('recording fingerprints', () => {
  it('replaces a task’s runs when its version changes, and adds to them when it does not', () => {
    const seen = new SavedRuns();
    const bumped = waiting(3, 'say', 'input');
    seen.observe(session(bumped));
    expect(seen.mergedInto(committed)).toEqual({ readings: { version: 3, runs: [runFingerprint(bumped)] } });
    const more = new SavedRuns();
    const other = waiting(2, 'say', 'input');
    more.observe(session(other));
    expect(more.mergedInto(committed).readings?.runs).toEqual([runFingerprint(asked), runFingerprint(other)].sort());
  });
});
