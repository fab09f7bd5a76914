import type { Runtime } from './compose';

/** A dependency's health within 1.5 s: a hung store is «down», and /health still answers within 2 s. */
async function probe(check: () => Promise<unknown>): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'down'>((resolve) => {
    timer = setTimeout(() => resolve('down'), 1_500);
  });
  try {
    return await Promise.race([
      check().then(
        () => 'ok' as const,
        () => 'down' as const,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The stores' health, for /ready. */
export async function storesHealth(
  runtime: Pick<Runtime, 'orm' | 'redis'>,
): Promise<{ readonly database: 'ok' | 'down'; readonly redis: 'ok' | 'down' | 'not configured' }> {
  const { orm, redis } = runtime;
  const [database, flowState] = await Promise.all([
    probe(() => orm.em.fork().getConnection().execute('select 1')),
    redis ? probe(() => redis.ping()) : ('not configured' as const),
  ]);
  return { database, redis: flowState };
}
