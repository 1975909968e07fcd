import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

export interface ImportReport {
  rejections: { row: number; externalId: string | null; errors: { field: string; code: string; message: string }[] }[];
  summary: { rows: number; accepted: number; duplicate: number; rejected: number; filtered: number; stopped: unknown } & Record<
    string,
    unknown
  >;
}

/**
 * Runs `scamgraph import` through the bin as a user would, against the suite's Neo4j; returns its
 * import report (written beside the file unless `--report` is among the options).
 */
export async function scamgraphImport(file: string, ...options: string[]): Promise<ImportReport> {
  await promisify(execFile)(process.execPath, [join(root, 'bin/scamgraph.js'), 'import', file, ...options], {
    cwd: root,
    env: {
      ...process.env,
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_USER: inject('neo4jUser') || 'neo4j',
      NEO4J_PASSWORD: inject('neo4jPassword'),
      LOG_LEVEL: 'silent',
    },
  });
  const at = options.indexOf('--report');
  return JSON.parse(readFileSync(at >= 0 ? (options[at + 1] as string) : `${file}.import-report.json`, 'utf8')) as ImportReport;
}
