import type { Feature } from '../kernel/feature';
import { features } from '../features';
import type { FlowServices, Ports, Services } from '../kernel/services';

/**
 * Runs `work` once and keeps its result under `key`; on a replay, returns the kept result. A call
 * that `changes` something is kept before the flow goes on; a read may wait for the next change.
 */
export type Recorder = <R>(key: string, work: () => Promise<R>, changes: boolean) => Promise<R>;

const declared: readonly Feature<Record<string, { readonly reads: readonly string[] }>>[] = features;
const portNames = declared.flatMap((feature) => Object.keys(feature.ports)) as (keyof Ports)[];

/**
 * Port calls that change nothing, as each feature declares them: a retry of the update may make
 * them again. Any other call counts as a change, so a new port method is kept at once.
 */
const reads = new Set([
  'clock.now',
  ...declared.flatMap((feature) => Object.entries(feature.ports).flatMap(([port, spec]) => spec.reads.map((method) => `${port}.${method}`))),
]);

/**
 * The services a flow sees: every port method and the clock go through `record`, keyed by port,
 * method and call order, so a flow is replay-safe without writing a single effect key. Results
 * travel through the saved state as JSON, so dates are encoded on the way in and revived on
 * the way out: a replayed result is the same as the first.
 */
export function recordedServices(services: Services, record: Recorder): FlowServices {
  const calls = new Map<string, number>();
  /**
   * What this turn read, by method and arguments, until it next changes something: the menu and
   * the flow both ask for the active account, and it is read once. Only calls that run count, not
   * those replayed from the saved state or the journal; the clock is not a read of anything.
   */
  const readsSinceChange = new Map<string, Promise<unknown>>();
  const read = (name: string, args: readonly unknown[], work: () => Promise<unknown>): Promise<unknown> => {
    if (name === 'clock.now') return work().then(encode);
    const same = `${name}:${JSON.stringify(args)}`;
    let result = readsSinceChange.get(same);
    if (!result) {
      result = work().then(encode);
      readsSinceChange.set(same, result);
    }
    return result;
  };
  const change = async (work: () => Promise<unknown>): Promise<unknown> => {
    readsSinceChange.clear();
    try {
      return encode(await work());
    } finally {
      readsSinceChange.clear();
    }
  };
  const recorded = <R>(name: string, args: readonly unknown[], work: () => Promise<R>): Promise<R> => {
    const count = calls.get(name) ?? 0;
    calls.set(name, count + 1);
    const changes = !reads.has(name);
    return record(`${name}#${count}`, () => (changes ? change(work) : read(name, args, work)), changes).then((result) => revive(result) as R);
  };
  const ports = Object.fromEntries(
    portNames.map((port) => {
      const target = services[port] as unknown as { [method: string]: unknown };
      const proxy = new Proxy(target, {
        get(object, method) {
          const member = Reflect.get(object, method, object) as unknown;
          if (typeof method !== 'string' || typeof member !== 'function') return member;
          return (...args: unknown[]) => recorded(`${port}.${method}`, args, () => Promise.resolve(member.apply(object, args)));
        },
      });
      return [port, proxy];
    }),
  ) as unknown as Ports;
  return {
    ...ports,
    localizer: services.localizer,
    policy: services.policy,
    now: () => recorded('clock.now', [], async () => services.clock()),
  };
}

const dateTag = '$date';

function encode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return { [dateTag]: value.toISOString() };
  if (Array.isArray(value)) return value.map(encode);
  if (Buffer.isBuffer(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = encode(item);
  return copy;
}

function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(revive);
  const entries = Object.entries(value);
  const [first] = entries;
  if (entries.length === 1 && first?.[0] === dateTag) return new Date(String(first[1]));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of entries) copy[key] = revive(item);
  return copy;
}
