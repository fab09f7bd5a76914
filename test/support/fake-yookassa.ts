import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface FakePayment {
  id: string;
  status: 'pending' | 'waiting_for_capture' | 'succeeded' | 'canceled';
  amount: { value: string; currency: string };
  metadata: Record<string, string>;
  confirmation: { type: 'redirect'; confirmation_url: string; return_url: string };
}

/**
 * A local server that answers as YooKassa's API v3 documents: Basic auth with the shop id and
 * secret key, `POST /v3/payments` idempotent by `Idempotence-Key`, `GET /v3/payments/:id`.
 */
export class FakeYooKassa {
  readonly payments = new Map<string, FakePayment>();
  readonly idempotenceKeys = new Map<string, string>();
  private readonly server: Server;

  constructor(
    readonly shopId = '123456',
    readonly secretKey = 'test_secret_key_for_the_fake',
  ) {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        const send = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        const expected = `Basic ${Buffer.from(`${this.shopId}:${this.secretKey}`).toString('base64')}`;
        if (req.headers.authorization !== expected) return send(401, { type: 'error', code: 'invalid_credentials' });
        if (req.method === 'POST' && req.url === '/v3/payments') {
          const key = req.headers['idempotence-key'];
          if (typeof key !== 'string' || !key) return send(400, { type: 'error', code: 'invalid_request', description: 'Idempotence-Key header is required' });
          const known = this.idempotenceKeys.get(key);
          if (known) return send(200, this.payments.get(known));
          const body = JSON.parse(raw) as { amount: FakePayment['amount']; metadata: Record<string, string>; confirmation: { return_url: string } };
          const id = randomUUID();
          const payment: FakePayment = {
            id,
            status: 'pending',
            amount: body.amount,
            metadata: body.metadata,
            confirmation: { type: 'redirect', confirmation_url: `https://yoomoney.example/checkout/${id}`, return_url: body.confirmation.return_url },
          };
          this.payments.set(id, payment);
          this.idempotenceKeys.set(key, id);
          return send(200, payment);
        }
        const match = /^\/v3\/payments\/([\w-]+)$/.exec(req.url ?? '');
        if (req.method === 'GET' && match) {
          const payment = this.payments.get(match[1] as string);
          return payment ? send(200, payment) : send(404, { type: 'error', code: 'not_found' });
        }
        return send(404, { type: 'error', code: 'not_found' });
      });
    });
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** What happens on YooKassa's page: the customer pays, or the bank declines. */
  settle(id: string, status: 'succeeded' | 'canceled'): void {
    const payment = this.payments.get(id);
    if (payment) payment.status = status;
  }
}
