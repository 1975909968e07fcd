/** REPORTER submits, ANALYST reads, ADMIN does everything (brands, detection, disruption, keys). */
export const ROLES = ['REPORTER', 'ANALYST', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** What a consumer-facing reporter may do: submit, and ask whether a number or link is a scam. */
const REPORTER_FIELDS = new Set([
  'submitReport',
  'submitReports',
  'checkNumber',
  'checkDomain',
  'checkUrl',
  'reviewMessage',
  'submitReview',
  'viewer',
]);
/** Mutations and subscriptions an ANALYST may call too: its own watches and their alerts (src/monitoring). */
const ANALYST_OWN = new Set(['createWatch', 'deleteWatch', 'alertAdded']);
/** Root query fields only an ADMIN may read. */
const ADMIN_QUERIES = new Set(['apiKeys']);

/**
 * The roles that may call a root field. Decided by the root field alone, so a field added later
 * (or a contract field not built yet) is covered the day it appears: queries are for ANALYST,
 * other mutations for ADMIN, and ADMIN may call everything.
 */
export function allowedRoles(operation: 'query' | 'mutation' | 'subscription', rootField: string): readonly Role[] {
  const roles: Role[] = ['ADMIN'];
  if ((operation === 'query' && !ADMIN_QUERIES.has(rootField)) || ANALYST_OWN.has(rootField)) roles.push('ANALYST');
  if (operation !== 'subscription' && REPORTER_FIELDS.has(rootField)) roles.push('REPORTER');
  return roles;
}
