import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { InterruptionChange } from '../../../core/features/interruptions/ports';
import { changeInterruption, publishInterruption, type Change, type Publication } from '../../../core/features/interruptions/publish-interruption';
import { interruptionBroadcast, type TellingServices } from '../../../core/features/interruptions/tell-interruption';
import { recentReminders } from '../../../core/features/reminders/reminder-schedule';
import type { Localizer } from '../../../core/kernel/localizer';
import { text, type Text } from '../../../core/kernel/text';
import { expired, type DeskPages } from './desk-pages';
import type { NoticesRefusal, NoticesView } from './desk-notices-view';
import { html, posted, redirect, session, viewerOf, withCsrf, type DeskSessions, type SignedIn } from './desk-session';
import type { Appeals } from '../../../core/features/appeals/ports';
import { instantOfWallClock } from './wall-clock';

/** What the notices page is given: the sessions, the interruptions' stores, the broadcasts' tallies, the appeals the header counts, and a kick for the outbox. */
export interface NoticesDesk extends DeskSessions {
  readonly services: TellingServices & { readonly localizer: Localizer; readonly appeals: Pick<Appeals, 'count'> };
  readonly pushed: () => void;
}

/** How much the page lists: the newest interruptions, and a year of reminders. */
const shown = { interruptions: 50, reminderMonths: 12 };

type Refusal = Extract<Publication, { readonly refused: unknown }>['refused'] | Extract<Change, { readonly refused: unknown }>['refused'];

const refusals: Readonly<Record<Refusal, Text>> = {
  'no-locality': text('desk-notices-refused-no-locality'),
  'until-before-from': text('desk-notices-refused-until-before-from'),
  unknown: text('desk-notices-refused-unknown'),
  ended: text('desk-notices-refused-ended'),
};

/** What a refused form held, whatever was sent, as text: shown again so that the operator need not type it twice. */
const typed = z.string().max(1000).catch('');
const givenFields = z
  .object({ kind: typed, area: typed, from: typed, until: typed, reason: typed })
  .catch({ kind: '', area: '', from: '', until: '', reason: '' });
const idPath = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }).catch({ id: 0 });

/** The forms' schemas: their times are read on the supplier's clock. */
function formsIn(timeZone: string) {
  const time = z.string().transform((value, context) => {
    const at = instantOfWallClock(value, timeZone);
    if (!at) context.addIssue({ code: 'custom', message: 'not a time' });
    return at ?? z.NEVER;
  });
  return {
    publish: withCsrf.extend({
      kind: z.enum(['planned', 'emergency']),
      area: z.string().trim().min(1).max(500),
      from: time,
      until: time,
      reason: z.string().trim().min(1).max(1000),
    }),
    until: withCsrf.extend({ until: time }),
  };
}

type Forms = ReturnType<typeof formsIn>;

/**
 * `/desk/notices`: an operator publishes an interruption, gives it a new expected end, ends it
 * (each told to the chats through `publishInterruption` and `changeInterruption`, as the
 * operator API does), and sees what every notice and reminder did.
 */
export function mountDeskNotices(server: Server, desk: NoticesDesk, pages: DeskPages): void {
  const forms = formsIn(desk.services.localizer.timeZone);
  server.get('/desk/notices', async (req: Request, res: Response) => {
    const current = await session(desk, req);
    if (!current || current.operator.mustChangePassword) return redirect(res, '/desk');
    await noticesPage(desk, pages, res, current);
  });
  mountPublishing(server, desk, pages, forms);
  mountChanges(server, desk, pages, forms);
}

function mountPublishing(server: Server, desk: NoticesDesk, pages: DeskPages, forms: Forms): void {
  server.post('/desk/notices', async (req: Request, res: Response) => {
    const current = await posted(desk, req);
    if (!current || current.operator.mustChangePassword) return expired(res, pages);
    const given = givenFields.parse(req.body);
    const form = forms.publish.safeParse(req.body);
    if (!form.success) return noticesPage(desk, pages, res, current, { form: 'publish', error: text('desk-notices-refused-form'), given });
    const { kind, area, from, until, reason } = form.data;
    // A form sent twice (a double click, Back and send) is the same interruption, told to nobody twice.
    const result = await publishInterruption(desk.services, { kind, area, from, until, reason }, new Date());
    if ('refused' in result) return noticesPage(desk, pages, res, current, { form: 'publish', error: refusals[result.refused], given });
    desk.pushed();
    redirect(res, `/desk/notices#interruption-${result.published.id}`);
  });
}

function mountChanges(server: Server, desk: NoticesDesk, pages: DeskPages, forms: Forms): void {
  server.post('/desk/notices/:id/until', async (req: Request, res: Response) => {
    const current = await posted(desk, req);
    if (!current || current.operator.mustChangePassword) return expired(res, pages);
    const { id } = idPath.parse(req.params);
    const { until } = givenFields.parse(req.body);
    const form = forms.until.safeParse(req.body);
    if (!form.success) return noticesPage(desk, pages, res, current, { form: 'change', id, error: text('desk-notices-refused-until-form'), until });
    await changed(desk, pages, res, current, id, { until: form.data.until }, until);
  });

  server.post('/desk/notices/:id/end', async (req: Request, res: Response) => {
    const current = await posted(desk, req);
    if (!current || current.operator.mustChangePassword) return expired(res, pages);
    await changed(desk, pages, res, current, idPath.parse(req.params).id, { ended: true });
  });
}

async function changed(
  desk: NoticesDesk,
  pages: DeskPages,
  res: Response,
  current: SignedIn,
  id: number,
  change: InterruptionChange,
  until?: string,
): Promise<void> {
  const result = await changeInterruption(desk.services, id, change, new Date());
  if ('refused' in result)
    return noticesPage(desk, pages, res, current, { form: 'change', id, error: refusals[result.refused], ...(until !== undefined && { until }) });
  desk.pushed();
  redirect(res, `/desk/notices#interruption-${id}`);
}

/** The page as it stands; with a refusal, the refused form says why and keeps what it held. */
async function noticesPage(desk: NoticesDesk, pages: DeskPages, res: Response, current: SignedIn, refused?: NoticesRefusal): Promise<void> {
  const { interruptions, broadcasts, localizer } = desk.services;
  const latest = await interruptions.latest(shown.interruptions);
  const now = new Date();
  const changes = latest.flatMap((interruption) =>
    Array.from({ length: interruption.version }, (_, index) => ({
      id: interruption.id,
      version: index + 1,
      broadcast: interruptionBroadcast(interruption.id, index + 1),
    })),
  );
  const months = recentReminders(now, localizer.timeZone, shown.reminderMonths);
  // One look for the whole page: every change of every interruption listed, every month's reminders.
  const tallies = new Map((await broadcasts.tallies([...changes, ...months].map(({ broadcast }) => broadcast))).map((tally) => [tally.broadcast, tally]));
  const view: NoticesView = {
    interruptions: latest.map((interruption) => ({
      interruption,
      changes: changes.flatMap((change) => {
        const tally = change.id === interruption.id && tallies.get(change.broadcast);
        return tally ? [{ version: change.version, tally }] : [];
      }),
    })),
    reminders: months.flatMap((reminder) => {
      const tally = tallies.get(reminder.broadcast);
      return tally ? [{ reminder, tally }] : [];
    }),
    timeZone: localizer.timeZone,
    now,
    ...(refused && { refused }),
  };
  html(res, refused ? 400 : 200, pages.notices(await viewerOf(desk.services.appeals, current), view));
}
