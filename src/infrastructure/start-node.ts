import { normaliseBankAccount } from '../ingest/normalise/bank-account.js';
import { normaliseEmail } from '../ingest/normalise/email.js';
import { DEFAULT_REGION, normalisePhoneNumber } from '../ingest/normalise/phone.js';
import { accept, reject, type Normalised } from '../ingest/normalise/result.js';
import { quote } from '../text/excerpt.js';
import { normaliseDomain, normaliseUrl } from '../ingest/normalise/url.js';
import { normaliseWallet } from '../ingest/normalise/wallet.js';
import type { StartNode } from './neighbourhood.service.js';

export const NODE_KINDS = ['phone', 'domain', 'url', 'email', 'wallet', 'bank_account', 'brand', 'report'] as const;

const node = (kind: string, key: string, qualifier: string | null = null): StartNode => ({ kind, key, qualifier });

/** "chain:address" or "scheme:identifier", as drawn node ids give them out; or the bare value. */
function splitQualified(value: string): [string | null, string] {
  const match = /^([A-Z_]+):(.+)$/.exec(value.trim());
  return match ? [match[1] as string, match[2] as string] : [null, value];
}

/** Any written form of an indicator to the node key it is stored under, with the same normalisers as ingest. */
export function startNode(kind: string, value: string): Normalised<StartNode> {
  switch (kind) {
    case 'phone': {
      const phone = normalisePhoneNumber(value, DEFAULT_REGION);
      return phone.ok ? accept(node(kind, phone.value.e164)) : phone;
    }
    case 'domain': {
      const domain = normaliseDomain(value);
      return domain.ok ? accept(node(kind, domain.value)) : domain;
    }
    case 'url': {
      const url = normaliseUrl(value);
      return url.ok ? accept(node(kind, url.value.url)) : url;
    }
    case 'email': {
      const email = normaliseEmail(value);
      return email.ok ? accept(node(kind, email.value.address)) : email;
    }
    case 'wallet': {
      const [chain, address] = splitQualified(value);
      const wallet = normaliseWallet({ chain, address });
      return wallet.ok ? accept(node(kind, wallet.value.address, wallet.value.chain)) : wallet;
    }
    case 'bank_account': {
      const [scheme, identifier] = splitQualified(value);
      if (scheme) return accept(node(kind, identifier, scheme));
      const iban = normaliseBankAccount({ iban: value });
      return iban.ok ? accept(node(kind, iban.value.identifier, iban.value.scheme)) : iban;
    }
    case 'brand':
    case 'report':
      return accept(node(kind, value.trim()));
    default:
      return reject('INVALID_VALUE', `kind must be one of ${NODE_KINDS.join(', ')}; got ${quote(kind)}`);
  }
}
