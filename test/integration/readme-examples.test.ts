// Issue 16: the README is executable. Every ```graphql block of README.md runs in order, as
// printed, as the ADMIN key, and must answer without errors; the curl block runs through bash
// against this test's server. Shell blocks that install, start or test the whole project, or import
// the large public files (covered by import-command.test.ts and real-campaigns.test.ts), are
// listed below with why; a new block is run, or fails until it is listed.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/neo4j/runtime.js';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../helpers/app.js';
import { testDriver } from '../helpers/neo4j.js';

const NOT_RUN: Readonly<Record<string, string>> = {
  'npm ci && npm start': 'installs and starts the project itself (signals.test.ts starts npm start)',
  'npm run scamgraph -- import test/fixtures/data/SMSSpamCollection': 'imports a public data set (import-command.test.ts)',
  'npm run scamgraph -- import test/fixtures/data/scams.yaml': 'imports a public data set (real-campaigns.test.ts)',
};

interface Block {
  readonly language: string;
  readonly code: string;
  readonly line: number;
}

function blocks(markdown: string): Block[] {
  const found: Block[] = [];
  const fence = /^```(\w+)\n([\s\S]*?)^```$/gm;
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown)) {
    found.push({ language: match[1]!, code: match[2]!, line: markdown.slice(0, match.index).split('\n').length });
  }
  return found;
}

const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const examples = blocks(readme).filter((block) => block.language === 'graphql' || block.language === 'sh');
const skipped = (block: Block) => Object.keys(NOT_RUN).find((start) => block.code.startsWith(start));

let app: TestApp;
let driver: Driver;
beforeAll(async () => {
  app = await startTestApp();
  driver = testDriver();
  // As on a fresh graph: the examples walk 1300 555 123 through the disruption workflow from NEW.
  await driver.executeQuery(
    "MATCH (:PhoneNumber {e164: '+611300555123'})-[:HAS_DISRUPTION]->(d) OPTIONAL MATCH (d)-[:CHANGED]->(c) DETACH DELETE d, c",
  );
});
afterAll(async () => {
  await driver?.close();
  await app?.stop();
});

describe('README examples, in order, as printed', () => {
  it('lists every shell block it does not run', () => {
    const shell = examples.filter((block) => block.language === 'sh');
    const covered = shell.filter((block) => skipped(block) || block.code.includes('curl'));
    expect(covered.map((block) => block.line)).toEqual(shell.map((block) => block.line));
  });

  it.each(examples.filter((block) => !skipped(block)).map((block) => [block.line, block] as const))(
    'the block at line %i',
    async (_line, block) => {
      if (block.language === 'graphql') {
        const answer = await app.gql(block.code);
        expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
        expect(answer.data).toBeTruthy();
        return;
      }
      const script = block.code
        .replace(/^KEY=.*$/m, '')
        .replaceAll('http://127.0.0.1:4000/graphql', app.url)
        .replaceAll('http://127.0.0.1:4000', new URL(app.url).origin);
      // Asynchronously: the server answering curl runs in this very process. From the project's
      // root, as the README's commands are run: an upload names a fixture by its path there.
      const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], {
        cwd: projectRoot,
        env: { ...process.env, KEY: TEST_ADMIN_KEY },
        timeout: 60_000,
      });
      const answer = JSON.parse(stdout) as { errors?: unknown; data?: unknown; id?: unknown };
      if (block.code.includes('/taxii2/')) {
        // TAXII answers its own resources: the collections, the high-risk indicators' among them.
        expect((answer as { collections?: unknown[] }).collections?.length).toBeGreaterThan(0);
        return;
      }
      if (block.code.includes('/attachments')) {
        // An upload answers the file's SHA-256 as its id, not GraphQL.
        expect(answer.id).toMatch(/^[0-9a-f]{64}$/);
        return;
      }
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toBeTruthy();
    },
  );
});
