import { parseArea } from './area';
import type { Interruption, InterruptionChange, InterruptionDraft } from './ports';
import { tellInterruption, type TellingServices } from './tell-interruption';

export type Publication =
  { readonly published: Interruption; readonly told: number; readonly again: boolean } | { readonly refused: 'no-locality' | 'until-before-from' };

export type Change = { readonly changed: Interruption; readonly told: number } | { readonly refused: 'unknown' | 'ended' | 'until-before-from' };

/**
 * The supplier publishes an interruption: the chats in its area are told. The same one published
 * again (its system calling after a timeout) is the one already published, told to nobody twice.
 */
export async function publishInterruption(services: TellingServices, draft: InterruptionDraft, now: Date): Promise<Publication> {
  if (!parseArea(draft.area)) return { refused: 'no-locality' };
  if (draft.until <= draft.from) return { refused: 'until-before-from' };
  const { interruption, again } = await services.interruptions.publish(draft, now);
  return { published: interruption, told: await tellInterruption(services, interruption), again };
}

/**
 * A new expected end, or the end: told once. The same change again changes nothing and tells only
 * whom a call cut short did not reach; of two changes at once, the later one is applied to the
 * earlier one's result, and each is told.
 */
export async function changeInterruption(services: TellingServices, id: number, change: InterruptionChange, now: Date): Promise<Change> {
  for (;;) {
    const known = await services.interruptions.get(id);
    if (!known) return { refused: 'unknown' };
    const unchanged = 'until' in change ? change.until.getTime() === known.until.getTime() : known.endedAt !== null;
    if (unchanged) return { changed: known, told: await tellInterruption(services, known) };
    if (known.endedAt) return { refused: 'ended' };
    if ('until' in change && change.until <= known.from) return { refused: 'until-before-from' };
    const changed = await services.interruptions.change(id, known.version, change, now);
    if (changed) return { changed, told: await tellInterruption(services, changed) };
  }
}
