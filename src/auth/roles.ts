/** REPORTER submits, ANALYST reads, ADMIN does everything (brands, detection, disruption, keys). */
export const ROLES = ['REPORTER', 'ANALYST', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Root mutation fields a REPORTER may call; every other mutation needs ADMIN. */
const REPORTER_MUTATIONS = new Set(['submitReport', 'submitReports']);
/** Root query fields only an ADMIN may read. */
const ADMIN_QUERIES = new Set(['apiKeys']);

/**
 * The role a root field needs. Decided by the root field alone, so a field added later
 * (or a contract field not built yet) is covered the day it appears: queries need ANALYST,
 * submissions REPORTER, any other mutation ADMIN.
 */
export function requiredRole(operation: 'query' | 'mutation' | 'subscription', rootField: string): Role {
  if (operation === 'query') return ADMIN_QUERIES.has(rootField) ? 'ADMIN' : 'ANALYST';
  return operation === 'mutation' && REPORTER_MUTATIONS.has(rootField) ? 'REPORTER' : 'ADMIN';
}

export function grants(held: Role, needed: Role): boolean {
  return held === 'ADMIN' || held === needed;
}
