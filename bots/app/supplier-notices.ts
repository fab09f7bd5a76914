import { tellUntold } from '../../core/features/interruptions/tell-interruption';
import { sendReminders } from '../../core/features/reminders/send-reminders';
import { releaseUnattendedQueue } from '../../core/features/live-chat/release-queue';
import { errorFields, type Log } from '../../core/kernel/log';
import type { Runtime } from './compose';
import type { Config } from './config';

/** How often the supplier's notices are looked at: changes a process died telling, reminders due. */
const noticesEveryMs = 60_000;

/** One kind of notice, looked at one run after another: a tick that finds a run under way is skipped. */
class Runs {
  private last: Promise<number> = Promise.resolve(0);
  private busy = false;

  constructor(
    private readonly what: string,
    private readonly log: Log,
    private readonly once: () => Promise<number>,
  ) {}

  tick(): void {
    if (!this.busy) void this.run();
  }

  run(): Promise<number> {
    this.last = this.last.then(async () => {
      this.busy = true;
      try {
        return await this.once();
      } catch (error) {
        this.log.warn(`${this.what} not sent`, errorFields(error));
        return 0;
      } finally {
        this.busy = false;
      }
    });
    return this.last;
  }

  /** Once the run under way, if any, is over. */
  async settled(): Promise<void> {
    await this.last;
  }
}

/**
 * What the supplier tells its customers on its own, looked at on start and then every minute,
 * each queued once: interruptions a process died telling, the reminders due, and the chats let
 * go from an operator's queue nobody can take now. None waits for another: a month's reminders
 * may take minutes, an interruption's notices must not.
 */
export class SupplierNotices {
  private timer: NodeJS.Timeout | undefined;
  private readonly stopping = new AbortController();
  private readonly interruptions: Runs;
  private readonly reminders: Runs;
  private readonly liveQueue: Runs;

  constructor(config: Pick<Config, 'timeZone' | 'policy'>, runtime: Runtime, log: Log, queued: () => void) {
    const told = (count: number) => {
      if (count > 0) queued();
      return count;
    };
    const telling = { interruptions: runtime.interruptions, linkedAddresses: runtime.linkedAddresses, pushes: runtime.pushes, broadcasts: runtime.pushes };
    this.interruptions = new Runs('interruption notices', log, async () => told(await tellUntold(telling)));
    const reminding = {
      ...runtime.services,
      broadcasts: runtime.pushes,
      runs: runtime.reminderRuns,
      schedule: config.policy.reminders,
      timeZone: config.timeZone,
    };
    this.reminders = new Runs('reminders', log, async () => {
      const run = await sendReminders(reminding, runtime.services.clock, this.stopping.signal);
      if (run.unanswered.length > 0) log.warn('reminders left out: billing answered with an error', { accounts: run.unanswered.length });
      return told(run.queued);
    });
    this.liveQueue = new Runs('live queue releases', log, async () =>
      told(await releaseUnattendedQueue(runtime.services, config.timeZone, runtime.services.clock())),
    );
  }

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), noticesEveryMs);
  }

  /** Looks now, after the runs under way: how many notices were queued. */
  async run(): Promise<number> {
    const [told, reminded, released] = await Promise.all([this.interruptions.run(), this.reminders.run(), this.liveQueue.run()]);
    return told + reminded + released;
  }

  /** No more runs; the ones under way stop at their next batch. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stopping.abort();
    await Promise.all([this.interruptions.settled(), this.reminders.settled(), this.liveQueue.settled()]);
  }

  private tick(): void {
    this.interruptions.tick();
    this.reminders.tick();
    this.liveQueue.tick();
  }
}
