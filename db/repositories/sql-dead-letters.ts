import type { MikroORM } from '@mikro-orm/core';
import type { DeadLetters, SetAsideUpdate } from '../../core/runner/state-ports';
import { DeadLetter } from '../entities';
import { insertOnce } from './insert-once';

export class SqlDeadLetters implements DeadLetters {
  constructor(private readonly orm: MikroORM) {}

  async setAside({ chat, updateId, inputKind, failures, failure, at }: SetAsideUpdate): Promise<void> {
    await insertOnce(this.orm.em.fork(), DeadLetter, { chat, updateId, inputKind, failures, failure, setAsideAt: at });
  }
}
