import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { Operator, OperatorSession } from '../entities';
import { insertOnce } from './insert-once';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface DeskOperator {
  readonly id: number;
  readonly login: string;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
}

/** The desk's operators and their signed-in sessions. */
export class SqlOperators {
  constructor(private readonly orm: MikroORM) {}

  /** Adds the operator, or gives an existing one a new password to change at the next sign-in. */
  async setPassword(login: string, passwordHash: string, mustChangePassword: boolean, at: Date): Promise<void> {
    const em = this.orm.em.fork();
    if (!(await insertOnce(em, Operator, { login, passwordHash, mustChangePassword, createdAt: at }))) {
      await em.nativeUpdate(Operator, { login }, { passwordHash, mustChangePassword });
    }
  }

  async find(login: string): Promise<DeskOperator | null> {
    const row = await this.orm.em.fork().findOne(Operator, { login });
    return row && { id: row.id, login: row.login, passwordHash: row.passwordHash, mustChangePassword: row.mustChangePassword };
  }

  async openSession(operatorId: number, token: string, csrf: string, expiresAt: Date): Promise<void> {
    const em = this.orm.em.fork();
    await em.nativeDelete(OperatorSession, { expiresAt: { $lt: new Date() } });
    await em.insert(OperatorSession, { tokenHash: hash(token), operator: operatorId, csrf, expiresAt });
  }

  async session(token: string, now: Date): Promise<{ readonly operator: DeskOperator; readonly csrf: string } | null> {
    const row = await this.orm.em.fork().findOne(OperatorSession, { tokenHash: hash(token), expiresAt: { $gt: now } }, { populate: ['operator'] });
    if (!row) return null;
    const { operator } = row;
    return { operator: { id: operator.id, login: operator.login, passwordHash: operator.passwordHash, mustChangePassword: operator.mustChangePassword }, csrf: row.csrf };
  }

  async closeSession(token: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(OperatorSession, { tokenHash: hash(token) });
  }
}
