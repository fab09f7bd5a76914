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

/** The appeal number in the bot's answer. */
export const appealNumberIn = (text: string): string => numberIn(text) ?? '';
