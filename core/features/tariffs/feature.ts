import type { Feature } from '../../kernel/feature';
import { tariffs as tariffsFlow } from './tariffs';

/** The supplier's prices per kWh in force, for the account's zones; read through `accounts` and `readings`. */
const ports = {};

export const tariffs: Feature<typeof ports> = {
  tasks: [{ action: 'tariff', flow: tariffsFlow, version: 1, intents: true }],
  ports,
};
