import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config/project-root.js';

/** Every statement the service runs, by file under cypher/ (without .cypher). */
export const STATEMENTS = [
  'schema/constraint-report-id',
  'schema/constraint-report-source-external-id',
  'schema/constraint-phone-number-e164',
  'schema/constraint-url-url',
  'schema/constraint-domain-name',
  'schema/constraint-email-address',
  'schema/constraint-crypto-wallet-chain-address',
  'schema/constraint-bank-account-scheme-identifier',
  'schema/constraint-brand-slug',
  'schema/index-report-received-at',
  'schema/constraint-brand-alias-key',
  'schema/index-phone-number-brand-count',
  'schema/constraint-api-key-hash',
  'schema/constraint-api-key-id',
  'schema/constraint-campaign-id',
  'schema/constraint-detection-lock-name',
  'schema/index-campaign-status-size',
  'schema/index-domain-name-text',
  'schema/constraint-disruption-key',
  'schema/index-disruption-status',
  'schema/constraint-watch-id',
  'schema/constraint-alert-id',
  'schema/constraint-alert-stream-key',
  'schema/index-watch-prefix',
  'schema/index-watch-target',
  'schema/index-alert-owner-seq',
  'schema/index-alert-delivery',
  'schema/index-report-submitted-at',
  'schema/constraint-attachment-sha256',
  'schema/index-phone-number-stix-id',
  'schema/index-domain-stix-id',
  'schema/await-indexes',
  'reads/online-indexes',
  'data/date-reports',
  'data/indicators-without-stix-id',
  'data/set-stix-ids',
  'ingest/resolve-brands',
  'ingest/merge-reports',
  'ingest/link-indicators',
  'reads/report-by-ids',
  'reads/phone-numbers',
  'reads/domains',
  'reads/brands',
  'reads/report-links',
  'reads/phone-reports-page',
  'reads/brand-callback-numbers-page',
  'reads/cross-brand-numbers-page',
  'reads/neighbourhood-expand',
  'reads/look-up-node',
  'reads/neighbourhood-summary',
  'reads/neighbourhood-summary-links',
  'reads/server-components',
  'reads/installed-plugins',
  'brands/upsert-brand',
  'brands/registered-brands',
  'brands/merge-brand-pair',
  'brands/merge-brands',
  'scoring/number-evidence',
  'scoring/domain-evidence',
  'scoring/lookalike-candidates',
  'campaigns/official-channels',
  'campaigns/classify-indicators',
  'campaigns/mark-silences',
  'campaigns/clear-links',
  'campaigns/weigh-links',
  'campaigns/sum-evidence',
  'campaigns/seed-labels.min-label',
  'campaigns/spread-labels.min-label',
  'campaigns/project-links.gds',
  'campaigns/label-communities.leiden',
  'campaigns/drop-projection.gds',
  'campaigns/community-evidence',
  'campaigns/community-weights',
  'campaigns/community-stories',
  'campaigns/relabel-communities',
  'campaigns/community-overlaps',
  'campaigns/record-identities',
  'campaigns/assign-indicators',
  'campaigns/assign-reports',
  'campaigns/attach-hubs',
  'campaigns/summarise-campaigns',
  'campaigns/acquire-detection-lock',
  'campaigns/release-detection-lock',
  'campaigns/join-campaigns',
  'campaigns/campaigns-by-id',
  'campaigns/campaigns-page',
  'campaigns/campaign-infrastructure',
  'campaigns/campaign-report-breakdown',
  'campaigns/campaign-explanations',
  'campaigns/indicator-campaigns',
  'campaigns/brand-campaigns',
  'campaigns/campaign-picture',
  'evidence/indicator-reports',
  'evidence/campaign-reports',
  'evidence/reports-with-links',
  'disruption/set-disruption-status',
  'disruption/disruptions-by-key',
  'disruption/awaiting-escalation',
  'disruption/time-to-block',
  'monitoring/create-watch',
  'monitoring/watches-by-owner',
  'monitoring/delete-watch',
  'monitoring/report-watches',
  'monitoring/disruption-watches',
  'monitoring/campaign-watches',
  'monitoring/write-alerts',
  'monitoring/alerts-after',
  'monitoring/claim-deliveries',
  'monitoring/record-attempts',
  'monitoring/alert-deliveries',
  'monitoring/alert-stream-head',
  'monitoring/feed-changes',
  'monitoring/brand-page',
  'taxii/indicator-changes',
  'taxii/indicators-by-id',
  'taxii/active-campaigns',
  'taxii/campaign-report-times',
  'attachments/link-report-attachments',
  'review/brand-channels',
  'maintenance/delete-relationships',
  'maintenance/delete-everything',
  'auth/create-api-key',
  'auth/revoke-api-key',
  'auth/api-key-by-hash',
  'auth/list-api-keys',
  'auth/count-admin-keys',
] as const;

export type StatementName = (typeof STATEMENTS)[number];

export interface Statement {
  readonly name: StatementName;
  readonly text: string;
  /** Parameter names the text uses; a call must pass exactly these. */
  readonly parameters: ReadonlySet<string>;
}

function parameterNames(text: string): Set<string> {
  const withoutComments = text.replace(/\/\/.*$/gm, '');
  return new Set([...withoutComments.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1] as string));
}

/** Loads every statement once; a missing file fails start-up rather than the first request. */
export function loadCypherRegistry(root = join(projectRoot(), 'cypher')): ReadonlyMap<StatementName, Statement> {
  return new Map(
    STATEMENTS.map((name) => {
      const text = readFileSync(join(root, `${name}.cypher`), 'utf8').trim();
      return [name, { name, text, parameters: parameterNames(text) }] as const;
    }),
  );
}

/** Throws when params and the statement's parameters differ: a typo must not become a null. */
export function checkParameters(statement: Statement, params: Record<string, unknown>): void {
  const given = Object.keys(params);
  const unknown = given.filter((key) => !statement.parameters.has(key));
  const missing = [...statement.parameters].filter((key) => !(key in params));
  if (unknown.length > 0 || missing.length > 0) {
    throw new Error(
      `cypher/${statement.name}.cypher takes $${[...statement.parameters].join(', $')}; ` +
        `got unknown [${unknown.join(', ')}], missing [${missing.join(', ')}]`,
    );
  }
}
