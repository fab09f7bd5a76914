import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { appealStatistics } from '../../../core/features/appeals/appeal-statistics';
import type { DeskPages } from './desk-pages';
import type { Desk } from './desk';
import { atWork, html, redirect, viewerOf } from './desk-session';
import { statsPeriods } from './desk-stats-page';

/** `?days=`: one of the periods offered, a month unless asked otherwise. */
const statsQuery = z.object({ days: z.enum(statsPeriods).catch('30') }).catch({ days: '30' as const });

/** `/desk/stats`: the appeals of a period, counted, and how fast they were first answered; what is overdue now. */
export function mountDeskStats(server: Server, desk: Desk, pages: DeskPages): void {
  server.get('/desk/stats', async (req: Request, res: Response) => {
    const current = await atWork(desk, req);
    if (!current) return redirect(res, '/desk');
    const { days } = statsQuery.parse(req.query);
    const now = Date.now();
    const [viewer, tally] = await Promise.all([
      viewerOf(desk.services.appeals, current),
      desk.services.appeals.tally(new Date(now - Number(days) * 24 * 3600_000), new Date(now - desk.answerWithinHours * 3600_000)),
    ]);
    html(res, 200, pages.stats(viewer, { days, statistics: appealStatistics(tally), answerWithinHours: desk.answerWithinHours }));
  });
}
