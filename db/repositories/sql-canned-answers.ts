import type { MikroORM } from '@mikro-orm/core';
import type { CannedAnswer as Canned, CannedAnswers } from '../../core/features/appeals/ports';
import { CannedAnswer } from '../entities';
import { insertOnce } from './insert-once';

export class SqlCannedAnswers implements CannedAnswers {
  constructor(private readonly orm: MikroORM) {}

  async list(): Promise<Canned[]> {
    const rows = await this.orm.em.fork().find(CannedAnswer, {}, { orderBy: { title: 'asc' } });
    return rows.map(({ id, title, text }) => ({ id, title, text }));
  }

  async save(answer: Omit<Canned, 'id'>, at: Date): Promise<void> {
    const em = this.orm.em.fork();
    const row = { ...answer, savedAt: at };
    if (!(await insertOnce(em, CannedAnswer, row))) await em.nativeUpdate(CannedAnswer, { title: answer.title }, row);
  }

  async remove(id: number): Promise<void> {
    await this.orm.em.fork().nativeDelete(CannedAnswer, { id });
  }
}
