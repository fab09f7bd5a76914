import type { Zone } from './meter';
import { lines, text, type Text } from '../../kernel/text';

/** Zone names as the meter's display shows them, in the customer's words. */
export const zoneNames: Record<Zone, Text> = {
  single: text('zone-single'),
  day: text('zone-day'),
  night: text('zone-night'),
  peak: text('zone-peak'),
  semiPeak: text('zone-semiPeak'),
};

/** «Тип ввода» and «источник оплаты»: where a reading or a payment came from. */
const channelNames: Record<string, Text> = {
  bank: text('channel-bank'),
  site: text('channel-site'),
  app: text('channel-app'),
  eReceipt: text('channel-eReceipt'),
  office: text('channel-office'),
  telegram: text('channel-telegram'),
  max: text('channel-max'),
  webchat: text('channel-webchat'),
};

export const zoneName = (zone: Zone) => lines([zoneNames[zone]]);

export const channelName = (channel: string): Text => channelNames[channel] ?? text('channel-other', { channel });
