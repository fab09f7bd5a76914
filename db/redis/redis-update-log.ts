import type { Redis } from 'ioredis';
import type { UpdateLog } from '../../core/runner/state-ports';

export class RedisUpdateLog implements UpdateLog {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
  ) {}

  async isDone(id: string): Promise<boolean> {
    return (await this.redis.exists(id)) === 1;
  }

  async markDone(id: string): Promise<void> {
    await this.redis.set(id, '1', 'EX', this.ttlSeconds);
  }
}
