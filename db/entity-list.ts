import type { EntitySchema } from '@mikro-orm/core';
import * as defined from './entities';

/** What the ORM discovers: every entity `db/entities` exports, so a new one is listed once. */
export const entities: EntitySchema[] = Object.values(defined);
