import type { Feature } from '../../kernel/feature';
import { chooseLanguage } from './choose-language';

const ports = {};

export const language: Feature<typeof ports> = {
  tasks: [{ action: 'language', flow: chooseLanguage, version: 3, menu: { linked: 'more', unlinked: 'main' }, command: true, intents: true }],
  ports,
};
