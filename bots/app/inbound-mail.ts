import { answerAppeal, filesOfMailedAnswer, takesAnswers } from '../../core/features/appeals/answer-appeal';
import type { Log } from '../../core/kernel/log';
import type { AppealReplyAddresses } from '../integrations/mail/appeal-reply-addresses';
import { startInboundSmtp } from '../integrations/mail/inbound-smtp';
import type { Runtime } from './compose';
import type { Config } from './config';

/** The SMTP listener for operators' answers by e-mail, when configured: each answer goes to its appeal's chat. */
export async function startInboundMail(
  config: Pick<Config, 'appeals'>,
  runtime: Runtime,
  log: Log,
  addresses: AppealReplyAddresses | undefined,
  answered: () => void,
): Promise<Awaited<ReturnType<typeof startInboundSmtp>> | undefined> {
  if (!config.appeals.inbound || !addresses) return undefined;
  const services = { ...runtime.services, pushes: runtime.pushes, attachments: runtime.attachments };
  return startInboundSmtp({
    ...config.appeals.inbound,
    addresses,
    open: (number) => takesAnswers(runtime.services.appeals, number),
    answer: async (number, reply) => {
      const files = filesOfMailedAnswer(reply.files);
      if (files.leftOut > 0) log.warn('files of an appeal reply by e-mail were left out', { appeal: number, leftOut: files.leftOut });
      // The operator is known by the address they replied from: the desk and the mailbox show it with the answer.
      await answerAppeal(services, number, { text: reply.text, key: reply.key, files: files.kept, by: { name: reply.from, route: 'mail' } }, new Date());
      answered();
    },
    log,
  });
}
