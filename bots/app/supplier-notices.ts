import { tellUntold } from '../../core/features/interruptions/tell-interruption';
import { sendReminders } from '../../core/features/reminders/send-reminders';
import { errorFields, type Log } from '../../core/kernel/log';
import type { Runtime } from './compose';
import type { Config } from './config';

/** How often the supplier's notices are looked at: changes a process died telling, reminders due. */
const noticesEveryMs = 60_000;

/** What the supplier tells its customers on its own, looked at on start and then every minute: each queued once. */
export class SupplierNotices {
  private timer: NodeJS.Timeout | undefined;
  private runs: Promise<number> = Promise.resolve(0);
  private busy = false;

  constructor(
    private readonly config: Pick<Config, 'timeZone' | 'policy'>,
    private readonly runtime: Runtime,
    private readonly log: Log,
    private readonly queued: () => void,
  ) {}

  start(): void {
    void this.run();
    // A run of thousands of reminders may outlast the minute: a tick finding one under way is skipped.
    this.timer = setInterval(() => void (this.busy || this.run()), noticesEveryMs);
  }

  /** Looks now, after any run under way: how many notices were queued. */
  run(): Promise<number> {
    this.runs = this.runs.then(() => this.once());
    return this.runs;
  }

  /** No more runs; the one under way finishes first. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.runs;
  }

  private async once(): Promise<number> {
    this.busy = true;
    const { runtime, config } = this;
    try {
      const told = await tellUntold({
        interruptions: runtime.interruptions,
        linkedAddresses: runtime.linkedAddresses,
        pushes: runtime.pushes,
        broadcasts: runtime.pushes,
      });
      const reminded = await sendReminders(
        { ...runtime.services, runs: runtime.reminderRuns, schedule: config.policy.reminders, timeZone: config.timeZone },
        runtime.services.clock(),
      );
      if (told + reminded > 0) this.queued();
      return told + reminded;
    } catch (error) {
      this.log.warn('supplier notices not sent', errorFields(error));
      return 0;
    } finally {
      this.busy = false;
    }
  }
}
