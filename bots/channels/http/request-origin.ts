import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** A caller on this machine. */
export function isLoopback(address: string | undefined): boolean {
  const plain = address?.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || (plain !== undefined && isIP(plain) === 4 && plain.startsWith('127.'));
}

/** Compares secrets in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The address a request came from: the socket's, or, when the socket is a trusted proxy's, the
 * nearest address in `X-Forwarded-For` that is not itself a trusted proxy. A header from anyone
 * else is ignored: it is the caller's word.
 */
export function clientAddress(address: string | undefined, forwardedFor: string | undefined, trustedProxies: readonly string[]): string {
  const plain = (value: string) => (value.startsWith('::ffff:') ? value.slice(7) : value).trim();
  let client = plain(address ?? '');
  const hops = (forwardedFor ?? '').split(',').map(plain).filter(Boolean);
  while (trustedProxies.includes(client) && hops.length > 0) client = hops.pop() as string;
  return client;
}

/** The network a request came from (see `clientAddress` and `networkOf`): where per-address budgets count. */
export function clientNetwork(req: IncomingMessage, trustedProxies: readonly string[]): string {
  const forwarded = req.headers['x-forwarded-for'];
  return networkOf(clientAddress(req.socket.remoteAddress, Array.isArray(forwarded) ? forwarded.join(',') : forwarded, trustedProxies));
}

/**
 * Where budgets per address count: an IPv4 address, or the /64 of an IPv6 one. One subscriber
 * gets a whole /64 and picks addresses in it at will: budgets per address would be endless.
 */
export function networkOf(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.split('::');
  const front = head === '' ? [] : head.split(':');
  const back = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
