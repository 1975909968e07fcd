import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sg';

export interface NewApiKey {
  /** Public, shown in lists and logs; the secret is never stored. */
  readonly id: string;
  /** The whole key, shown once to whoever created it. */
  readonly key: string;
  readonly hash: string;
}

/**
 * A key is `sg_<id>_<secret>` with 256 random bits of secret: high entropy, so one SHA-256
 * is the right store (a slow password hash protects guessable secrets, not random ones).
 */
export function generateApiKey(): NewApiKey {
  const id = randomBytes(6).toString('hex');
  const key = `${PREFIX}_${id}_${randomBytes(32).toString('base64url')}`;
  return { id, key, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Constant-time, so a wrong key takes as long to refuse as a nearly right one. */
export function sameKey(a: string, b: string): boolean {
  const [left, right] = [Buffer.from(hashApiKey(a), 'hex'), Buffer.from(hashApiKey(b), 'hex')];
  return timingSafeEqual(left, right);
}
