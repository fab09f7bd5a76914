import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FlowSession, Waiting } from '../../core/runner/flow-session';

/**
 * Each task's saved runs, as the flow tests leave them, by the operations they replay (what was
 * said, asked and which port methods were called, in order): a saved run must replay on the
 * next deploy, so a change to a flow that changes them needs its task's version bumped.
 */
export type Fingerprints = Record<string, { readonly version: number; readonly runs: readonly string[] }>;

export const fingerprintsFile = join(__dirname, '..', 'flows', 'replay-fingerprints.json');

export function runFingerprint(waiting: Waiting): string {
  const operations = waiting.state.send.map((op) => op.payload).join(' ');
  return createHash('sha256').update(operations).digest('hex').slice(0, 16);
}

export class SavedRuns {
  private readonly seen = new Map<string, { readonly version: number; readonly runs: Set<string> }>();

  observe(session: FlowSession | undefined): void {
    for (const waiting of [session?.flow, session?.suspended]) {
      if (!waiting) continue;
      const key = `${waiting.action}@${waiting.version}`;
      const entry = this.seen.get(key) ?? { version: waiting.version, runs: new Set<string>() };
      entry.runs.add(runFingerprint(waiting));
      this.seen.set(key, entry);
    }
  }

  /** Saved runs a task's committed version does not know: its flow changed, and its version did not. */
  unknownTo(committed: Fingerprints): string[] {
    return [...this.seen].flatMap(([key, { version, runs }]) => {
      const action = key.slice(0, key.lastIndexOf('@'));
      const known = committed[action];
      if (known && known.version !== version) return [`${action}: version ${version}, ${fingerprintsFile} has ${known.version}`];
      const unknown = [...runs].filter((run) => !known?.runs.includes(run));
      return unknown.length > 0 ? [`${action} (version ${version}): ${unknown.length} saved run(s) of a shape not seen before`] : [];
    });
  }

  /** The committed fingerprints with what was seen: a task's new version replaces its old runs. */
  mergedInto(committed: Fingerprints): Fingerprints {
    const merged: Record<string, { version: number; runs: readonly string[] }> = { ...committed };
    for (const [key, { version, runs }] of this.seen) {
      const action = key.slice(0, key.lastIndexOf('@'));
      const known = merged[action];
      const kept = known?.version === version ? known.runs : [];
      merged[action] = { version, runs: [...new Set([...kept, ...runs])].sort() };
    }
    return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
  }
}

export function committedFingerprints(): Fingerprints {
  return JSON.parse(readFileSync(fingerprintsFile, 'utf8')) as Fingerprints;
}

/**
 * After a test file's conversations: every saved run must be of a shape its task's version
 * knows. `UPDATE_FINGERPRINTS=1` records the shapes seen instead, for a bumped version or a
 * new path through an unchanged flow.
 */
export function checkSavedRunsAfterAll(savedRuns: SavedRuns): void {
  afterAll(() => {
    if (process.env.UPDATE_FINGERPRINTS === '1') {
      writeFileSync(fingerprintsFile, JSON.stringify(savedRuns.mergedInto(committedFingerprints()), null, 1) + '\n');
      return;
    }
    const unknown = savedRuns.unknownTo(committedFingerprints());
    if (unknown.length > 0) {
      throw new Error(
        `A flow replays differently from its task's version (bump the version in its feature.ts, then run the flow tests with UPDATE_FINGERPRINTS=1; a new path through an unchanged flow only needs the update):\n${unknown.join('\n')}`,
      );
    }
  });
}
