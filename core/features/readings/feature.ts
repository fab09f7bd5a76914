import { port, type Feature } from '../../kernel/feature';
import type { MeterPhotos, MeterReadings } from './ports';
import { submitReadings } from './submit-readings';

const ports = { readings: port<MeterReadings>('meters', 'history'), meterPhotos: port<MeterPhotos>('of') };

export const readings: Feature<typeof ports> = {
  tasks: [{ action: 'readings', flow: submitReadings, version: 5, menu: { linked: 'main', unlinked: 'main' }, command: true, intents: true }],
  ports,
};
