import { appealNumberIn as numberIn } from '../../core/features/appeals/appeal';
import type { Step } from './test-app';

/** Someone who is not a customer writes about connecting a house: 11 steps in Russian. */
export const fileAsStranger: Step[] = [
  { say: '/appeal' },
  { press: 'Не клиент компании' },
  { say: 'г. Липецк' },
  { press: 'Подключение' },
  { say: 'Олег' },
  { say: 'oleg@mail.ru' },
  { press: 'Отвечать только по e-mail' },
  { say: 'ул. Ленина, 5' },
  { say: 'Как подключить дачный дом к сети?' },
  { press: 'Без вложений' },
  { press: 'Отправить обращение' },
];

/** The same in English, from a web chat: 11 steps. */
export const fileInEnglish: Step[] = [
  { say: '/appeal' },
  { press: 'Not a customer' },
  { say: 'Lipetsk' },
  { press: 'Other' },
  { say: 'Oleg' },
  { say: 'oleg@example.org' },
  { say: '+7 900 123 45 67' },
  { say: 'Lenina 5' },
  { say: 'When will the power be back on our street?' },
  { say: 'No attachments' },
  { press: 'Send the appeal' },
];

/** The appeal number in the bot's answer. */
export const appealNumberIn = (text: string): string => numberIn(text) ?? '';
