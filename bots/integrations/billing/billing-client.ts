import type { z } from 'zod';
import { BillingUnavailable } from '../../../core/kernel/billing-unavailable';
import { CircuitBreaker } from './circuit-breaker';
import { errorSchema } from './billing-contract';

export interface BillingApi {
  readonly url: string;
  readonly token?: string | undefined;
  /** One attempt may take this long. */
  readonly timeoutMs: number;
}

/** What one call came to, for the metrics. */
export type BillingCallObserver = (endpoint: string, ms: number, outcome: 'ok' | 'failed') => void;

/** An answer billing gave on purpose (a refusal, an unknown account): not a failure of billing. */
export interface BillingAnswer<T> {
  readonly status: number;
  readonly body: T | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** Reads are tried this often in all; writes once (the outbox repeats them, under their key). */
const readAttempts = 3;
const retryPauseMs = [100, 400];

/**
 * HTTP to the supplier's billing: a timeout on every attempt, retries only for reads, and a
 * circuit per endpoint. Whatever is not an answer (no connection, a timeout, a 5xx, a 429, a
 * body off the contract, an open circuit) is `BillingUnavailable`.
 */
export class BillingClient {
  private readonly circuits = new Map<string, CircuitBreaker>();

  constructor(
    private readonly api: BillingApi,
    private readonly observe: BillingCallObserver = () => {},
    private readonly clock: () => number = Date.now,
  ) {}

  /** A read; `null` body for billing's 404 (no such account). */
  async read<T>(endpoint: string, path: string, schema: z.ZodType<T>): Promise<T | null> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const answer = await this.call(endpoint, 'GET', path, schema);
        if (answer.status === 404) return null;
        if (answer.body === null) throw new Error(`billing answered ${answer.status} ${answer.error?.code ?? ''} to ${endpoint}`);
        return answer.body;
      } catch (error) {
        if (!(error instanceof BillingUnavailable) || attempt >= readAttempts || this.circuitOf(endpoint).open) throw error;
        await new Promise((resolve) => setTimeout(resolve, retryPauseMs[attempt - 1]));
      }
    }
  }

  /** A write, once, under its idempotency key: billing's answer, a refusal included. */
  write<T>(endpoint: string, path: string, body: unknown, idempotencyKey: string, schema: z.ZodType<T>): Promise<BillingAnswer<T>> {
    return this.call(endpoint, 'POST', path, schema, { body, idempotencyKey });
  }

  private circuitOf(endpoint: string): CircuitBreaker {
    let circuit = this.circuits.get(endpoint);
    if (!circuit) this.circuits.set(endpoint, (circuit = new CircuitBreaker(this.clock)));
    return circuit;
  }

  private async call<T>(
    endpoint: string,
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    write?: { readonly body: unknown; readonly idempotencyKey: string },
  ): Promise<BillingAnswer<T>> {
    const circuit = this.circuitOf(endpoint);
    if (!circuit.allows()) throw new BillingUnavailable(endpoint);
    const started = this.clock();
    try {
      const answer = await this.exchange(endpoint, method, path, schema, write);
      circuit.succeeded();
      this.observe(endpoint, this.clock() - started, 'ok');
      return answer;
    } catch (error) {
      circuit.failed();
      this.observe(endpoint, this.clock() - started, 'failed');
      throw error instanceof BillingUnavailable ? error : new BillingUnavailable(endpoint, { cause: error });
    }
  }

  private async exchange<T>(
    endpoint: string,
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    write?: { readonly body: unknown; readonly idempotencyKey: string },
  ): Promise<BillingAnswer<T>> {
    const response = await fetch(`${this.api.url}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(this.api.token && { authorization: `Bearer ${this.api.token}` }),
        ...(write && { 'content-type': 'application/json', 'idempotency-key': write.idempotencyKey }),
      },
      ...(write && { body: JSON.stringify(write.body) }),
      signal: AbortSignal.timeout(this.api.timeoutMs),
    });
    const json: unknown = await response.json().catch(() => null);
    // Billing away, busy or misconfigured (a wrong token): nothing a customer's request changes.
    if (response.status >= 500 || response.status === 429 || response.status === 401)
      throw new BillingUnavailable(endpoint, { cause: new Error(`HTTP ${response.status}`) });
    if (response.ok) {
      const body = schema.safeParse(json);
      if (!body.success) throw new BillingUnavailable(endpoint, { cause: new Error(`answer off the contract: ${body.error.issues[0]?.path.join('.') ?? ''}`) });
      return { status: response.status, body: body.data, error: null };
    }
    const error = errorSchema.safeParse(json);
    return { status: response.status, body: null, error: error.success ? error.data.error : { code: 'unknown', message: '' } };
  }
}
