import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { SignInFailures } from '../../core/features/operators/sign-in-guard';
import type { DeskOperator, DeskOperators, DeskSession } from '../../core/features/operators/ports';
import { DeskSignInFailure, Operator, OperatorSession } from '../entities';
import { insertOnce } from './insert-once';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The desk's operators and their signed-in sessions. */
export class SqlOperators implements DeskOperators {
  constructor(private readonly orm: MikroORM) {}

  /**
   * Adds the operator, or gives an existing one a new password. Every session of theirs ends but
   * `keep` (the operator's own, changing the password): whoever else held the desk holds it no more.
   */
  async setPassword(login: string, passwordHash: string, mustChangePassword: boolean, at: Date, keep?: string): Promise<void> {
    const em = this.orm.em.fork();
    if (await insertOnce(em, Operator, { login, passwordHash, mustChangePassword, createdAt: at })) return;
    await em.nativeUpdate(Operator, { login }, { passwordHash, mustChangePassword });
    await em.nativeDelete(OperatorSession, { operator: { login }, ...(keep !== undefined && { tokenHash: { $ne: hash(keep) } }) });
  }

  async recordFailure(login: string, address: string, at: Date): Promise<void> {
    await this.orm.em.fork().insert(DeskSignInFailure, { login: login.toLowerCase(), address, at });
  }

  /** Failures since `since`: from the address, from the address at the login, and at the login from anywhere. */
  async failures(login: string, address: string, since: Date): Promise<SignInFailures> {
    const em = this.orm.em.fork();
    const recent = { at: { $gt: since } };
    const [fromAddress, fromAddressAtLogin, atLogin] = await Promise.all([
      em.count(DeskSignInFailure, { address, ...recent }),
      em.count(DeskSignInFailure, { address, login: login.toLowerCase(), ...recent }),
      em.count(DeskSignInFailure, { login: login.toLowerCase(), ...recent }),
    ]);
    await em.nativeDelete(DeskSignInFailure, { at: { $lte: since } });
    return { fromAddress, fromAddressAtLogin, atLogin };
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

  async session(token: string, now: Date): Promise<DeskSession | null> {
    const row = await this.orm.em.fork().findOne(OperatorSession, { tokenHash: hash(token), expiresAt: { $gt: now } }, { populate: ['operator'] });
    if (!row) return null;
    const { operator } = row;
    return {
      operator: { id: operator.id, login: operator.login, passwordHash: operator.passwordHash, mustChangePassword: operator.mustChangePassword },
      csrf: row.csrf,
    };
  }

  async closeSession(token: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(OperatorSession, { tokenHash: hash(token) });
  }
}
