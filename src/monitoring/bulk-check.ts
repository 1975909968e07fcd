import { normalisePhoneNumber, parseRegion } from '../ingest/normalise/phone.js';
import { normaliseDomain } from '../ingest/normalise/url.js';
import type { CheckService, DomainCheck, NumberCheck } from '../scoring/check.service.js';

/** Values one bulk check takes: a telco's or bank's batch, in one request and two round trips at most. */
export const BULK_MAX = 1_000;

export class BulkTooLargeError extends Error {
  override name = 'BulkTooLargeError';
}

const refuseSize = (count: number) => {
  if (count > BULK_MAX) throw new BulkTooLargeError(`a bulk check takes at most ${BULK_MAX} values, got ${count}; nothing was checked`);
};

/**
 * Checks of many numbers, in the order given: the valid ones (deduplicated) in one round trip, each
 * unreadable one answered as checkNumber answers it (UNKNOWN with its reason, no database call).
 */
export async function checkManyNumbers(
  checks: CheckService,
  numbers: readonly string[],
  defaultRegion: string | null,
): Promise<NumberCheck[]> {
  refuseSize(numbers.length);
  const region = parseRegion(defaultRegion ?? undefined);
  const e164s = numbers.map((number) => {
    if (!region.ok) return null;
    const phone = normalisePhoneNumber(number, region.value);
    return phone.ok ? phone.value.e164 : null;
  });
  const unique = [...new Set(e164s.filter((e164): e164 is string => e164 !== null))];
  const checked = new Map((unique.length > 0 ? await checks.checkNumbers(unique) : []).map((check) => [check.e164, check]));
  return Promise.all(
    numbers.map(async (number, i) => {
      const e164 = e164s[i];
      return e164 ? (checked.get(e164) as NumberCheck) : checks.checkNumber(number, defaultRegion);
    }),
  );
}

/** Checks of many domains (or hostnames, or URLs by their domain), in the order given; as checkManyNumbers. */
export async function checkManyDomains(checks: CheckService, domains: readonly string[]): Promise<DomainCheck[]> {
  refuseSize(domains.length);
  const names = domains.map((domain) => {
    const normalised = normaliseDomain(domain);
    return normalised.ok ? normalised.value : null;
  });
  const unique = [...new Set(names.filter((name): name is string => name !== null))];
  const checked = new Map(
    (unique.length > 0 ? await checks.checkDomains(unique.map((domain) => ({ domain, hostname: domain }))) : []).map((check) => [
      check.domain,
      check,
    ]),
  );
  return Promise.all(
    domains.map(async (domain, i) => {
      const name = names[i];
      return name ? (checked.get(name) as DomainCheck) : checks.checkDomain(domain);
    }),
  );
}
