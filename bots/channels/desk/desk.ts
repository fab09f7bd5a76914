import type { Localizer } from '../../../core/kernel/localizer';
import type { Appeals, AttachmentStore, CannedAnswers } from '../../../core/features/appeals/ports';
import type { PhotographedSubmissions } from '../../../core/features/readings/ports';
import type { ChatPushes, MailOutbox } from '../../../core/features/outbox/ports';
import type { Policy } from '../../../core/kernel/services';
import type { DeskOperators } from '../../../core/features/operators/ports';
import type { TellingServices } from '../../../core/features/interruptions/tell-interruption';
import type { LiveChats } from '../../../core/features/live-chat/ports';

/** What the desk is given (see `mountDesk`): the operators, the stores it reads and changes, and how it is reached. */
export interface Desk {
  readonly operators: DeskOperators;
  /** The interruptions' stores too: the notices page publishes and changes them (see `mountDeskNotices`). */
  readonly services: TellingServices & {
    readonly appeals: Appeals;
    readonly cannedAnswers: CannedAnswers;
    readonly pushes: ChatPushes;
    readonly mail: MailOutbox;
    readonly localizer: Localizer;
    readonly attachments: AttachmentStore;
    readonly readingPhotos: PhotographedSubmissions;
    /** «Чат с клиентами»: the queue and the conversations with a live operator (see `mountDeskLive`). */
    readonly liveChats: LiveChats;
    /** An answer given on the desk is copied to the appeals' mailbox, as one from any route is. */
    readonly policy: Pick<Policy, 'appealsMailbox'>;
  };
  /** `APPEAL_ANSWER_HOURS`: the statistics count what waits longer as overdue. */
  readonly answerWithinHours: number;
  readonly trustedProxies: readonly string[];
  /** Cookies only over HTTPS when the public address is HTTPS. */
  readonly secureCookies: boolean;
  readonly pushed: () => void;
}
