import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCallback(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));

/** scrypt at N=2^15, r=8, p=1 (about 32 MB and tens of milliseconds a check). */
const cost = { N: 32_768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const given = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: cost.maxmem });
  return timingSafeEqual(given, expected);
}

/** A password handed out once (`operator:add`): 18 random bytes. */
export function oneTimePassword(): string {
  return randomBytes(18).toString('base64url');
}

let unknown: Promise<string> | undefined;

/** A hash no password matches, checked against for a login nobody has: the same work as for a real one. */
export function unknownOperatorHash(): Promise<string> {
  unknown ??= hashPassword(oneTimePassword());
  return unknown;
}
