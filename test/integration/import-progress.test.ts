// Issue 16: `scamgraph import` shows progress in rows of the file with rate and ETA, as lines when
// stderr is no terminal, and dials the project's own Neo4j where it runs, saying which it uses.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { uniqueMobile } from '../helpers/app.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'scamgraph-import-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROWS = 1_200;
function jsonl(name: string): string {
  const file = join(dir, name);
  const lines = Array.from({ length: ROWS }, (_, i) =>
    JSON.stringify({ externalId: `${name}-${i}`, channel: 'SMS', text: `Your parcel is held, call ${uniqueMobile()} today` }),
  );
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function runImport(file: string, env: Record<string, string | undefined>): Promise<string> {
  const { stderr } = await promisify(execFile)(process.execPath, [join(root, 'bin/scamgraph.js'), 'import', file, '--batch', '100'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });
  return stderr;
}

describe('scamgraph import progress and server', () => {
  it('prints progress lines in rows of the file, with rate and ETA, off a terminal', async () => {
    const stderr = await runImport(jsonl('progress.jsonl'), {
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_USER: inject('neo4jUser') || 'neo4j',
      NEO4J_PASSWORD: inject('neo4jPassword'),
    });
    expect(stderr).toContain(`Neo4j: ${inject('neo4jUri')} (NEO4J_URI)`);
    const lines = stderr.split('\n').filter((line) => line.startsWith('import progress.jsonl:'));
    expect(lines.length).toBeGreaterThan(0);
    expect(stderr).not.toContain('\r');
    for (const line of lines)
      expect(line).toMatch(/^import progress\.jsonl: [\d,]+\/1,200 rows, \d+\/s, ETA \d+ s \| accepted \d+ duplicate \d+ rejected \d+$/);
    expect(lines.at(-1)).toContain('1,200/1,200 rows');
  }, 180_000);

  it.skipIf(inject('neo4jServer') !== 'local')(
    "dials the project's own Neo4j where it runs, whatever NEO4J_PORT says",
    async () => {
      const stderr = await runImport(jsonl('running.jsonl'), { NEO4J_URI: undefined, NEO4J_HOME: inject('neo4jHome'), NEO4J_PORT: '1' });
      expect(stderr).toContain(`Neo4j: ${inject('neo4jUri')}, the project's own in`);
      expect(stderr).toContain('already running');
      expect(stderr).toContain('1,200/1,200 rows');
    },
    180_000,
  );
});
