import { tellUntold } from '../../core/features/interruptions/tell-interruption';
import { errorFields, type Log } from '../../core/kernel/log';
import type { Runtime } from './compose';

/** How often the supplier's notices are looked at: changes a process died telling, reminders due. */
const noticesEveryMs = 60_000;

/** What the supplier tells its customers on its own, resumed at start and then every minute: queued at most once each. */
export function startSupplierNotices(runtime: Runtime, log: Log, queued: () => void): NodeJS.Timeout {
  const services = {
    ...runtime.services,
    interruptions: runtime.interruptions,
    linkedAddresses: runtime.linkedAddresses,
    pushes: runtime.pushes,
    broadcasts: runtime.pushes,
  };
  const run = () =>
    void tellUntold(services).then(
      (count) => count > 0 && queued(),
      (error: unknown) => log.warn('supplier notices not checked', errorFields(error)),
    );
  run();
  return setInterval(run, noticesEveryMs);
}
