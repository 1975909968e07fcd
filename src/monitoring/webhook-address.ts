import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { quote } from '../text/excerpt.js';

/** Loopback, private, link-local (cloud metadata), CGNAT, unspecified and multicast: never a receiver's by default. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['::ffff:0:0', 96],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

export const isPrivateAddress = (address: string): boolean => PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

export class WebhookAddressError extends Error {
  override name = 'WebhookAddressError';
  constructor(
    readonly code: 'INVALID_WEBHOOK_URL' | 'WEBHOOK_ADDRESS_REFUSED',
    message: string,
  ) {
    super(message);
  }
}

const MAX_URL = 2_000;

/**
 * A receiver URL as the dispatcher will call it: http or https, no credentials, and (unless its host is
 * in `allowedHosts`) no address that resolves to a loopback or private network, which would let a key
 * make the server call inside its own network. Checked again at every delivery (DNS can change).
 */
export async function checkWebhookUrl(raw: string, allowedHosts: readonly string[]): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookAddressError('INVALID_WEBHOOK_URL', `webhookUrl must be an absolute http(s) URL; got ${quote(raw)}`);
  }
  if (raw.length > MAX_URL || !['http:', 'https:'].includes(url.protocol) || url.username || url.password) {
    throw new WebhookAddressError(
      'INVALID_WEBHOOK_URL',
      `webhookUrl must be an http(s) URL without credentials, at most ${MAX_URL} characters; got ${quote(raw)}`,
    );
  }
  await resolvePublic(url.hostname, allowedHosts);
  return url;
}

/** The addresses a host resolves to, refused when any is private and the host is not allowed. */
export async function resolvePublic(hostname: string, allowedHosts: readonly string[]): Promise<{ address: string; family: number }[]> {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true }).catch(() => []);
  if (addresses.length === 0) throw new WebhookAddressError('INVALID_WEBHOOK_URL', `the webhook host ${quote(host)} does not resolve`);
  if (!allowedHosts.includes(host) && addresses.some(({ address }) => isPrivateAddress(address))) {
    throw new WebhookAddressError(
      'WEBHOOK_ADDRESS_REFUSED',
      `the webhook host ${quote(host)} is on a loopback or private address; allow it with WEBHOOK_ALLOWED_HOSTS`,
    );
  }
  return addresses;
}
