import type { AppealStatus, AppealTopic, Appellant, CompleteDraft } from './appeal';
import type { Fact } from '../../kernel/content/content';
import { text, words, type Text } from '../../kernel/text';
import { fileList } from './attach-files';

export const topicNames: Record<AppealTopic, Text> = {
  readings: text('appeal-topic-readings'),
  payment: text('appeal-topic-payment'),
  receipts: text('appeal-topic-receipts'),
  meter: text('appeal-topic-meter'),
  connection: text('appeal-topic-connection'),
  outage: text('appeal-topic-outage'),
  other: text('appeal-topic-other'),
};

export const statusNames: Record<AppealStatus, Text> = {
  received: text('appeal-status-received'),
  answered: text('appeal-status-answered'),
  closed: text('appeal-status-closed'),
};

function appellantFacts(appellant: Appellant): Fact[] {
  return appellant.kind === 'customer'
    ? [
        { label: text('appeal-field-account'), value: appellant.account },
        { label: text('appeal-field-address'), value: appellant.address },
      ]
    : [
        { label: text('appeal-field-locality'), value: appellant.locality },
        { label: text('appeal-field-address'), value: appellant.address },
      ];
}

/** The draft as the customer checks it before sending (the message itself follows on its own). */
export function draftFacts(draft: CompleteDraft): Fact[] {
  return [
    { label: text('appeal-field-topic'), value: words(topicNames[draft.topic]) },
    { label: text('appeal-field-name'), value: draft.name },
    { label: text('appeal-field-email'), value: draft.email },
    { label: text('appeal-field-phone'), value: draft.phone ?? words(text('appeal-email-only-short')) },
    ...appellantFacts(draft.appellant),
    { label: text('appeal-field-attachments'), value: draft.attachments.length > 0 ? fileList(draft.attachments) : words(text('appeal-no-attachments')) },
  ];
}
