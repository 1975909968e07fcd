import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateScamWorld } from '../../src/synthetic/scam-world.js';
import { scamgraphImport } from '../helpers/scamgraph-cli.js';

const root = new URL('../../', import.meta.url).pathname;
const directory = mkdtempSync(join(tmpdir(), 'scamgraph-import-'));

/** The first `lines` lines of a shipped data file, under its own name so row-derived externalIds match. */
function slice(name: string, lines: number): string {
  const file = join(mkdtempSync(join(directory, 'slice-')), name);
  writeFileSync(
    file,
    readFileSync(join(root, 'test/fixtures/data', name), 'utf8')
      .split('\n')
      .slice(0, lines)
      .join('\n'),
  );
  return file;
}

describe('scamgraph import', () => {
  it('imports JSONL, reports bad rows with their reasons, and a second run finds every report a duplicate', async () => {
    const source = `test-import-${randomUUID()}`;
    const reports = [...generateScamWorld({ reports: 30, seed: randomInt(1, 1e9), source })].map(({ report }) => JSON.stringify(report));
    const file = join(directory, 'reports.jsonl');
    writeFileSync(file, [...reports, JSON.stringify({ source, channel: 'SMS', callbackNumbers: ['12'] }), '{not json', ''].join('\n'));

    const first = await scamgraphImport(file);
    expect(first.summary).toMatchObject({ rows: 32, accepted: 30, duplicate: 0, rejected: 2, stopped: null });
    expect(first.rejections).toEqual([
      {
        row: 31,
        externalId: 'reports.jsonl:31',
        errors: [expect.objectContaining({ field: 'callbackNumbers[0]', code: 'INVALID_PHONE_NUMBER' })],
      },
      { row: 32, externalId: null, errors: [expect.objectContaining({ field: '', code: 'INVALID_ROW' })] },
    ]);
    const second = await scamgraphImport(file);
    expect(second.summary).toMatchObject({ rows: 32, accepted: 0, duplicate: 30, rejected: 2 });
  }, 120_000);

  it('imports the SMS Spam Collection as it is: TSV without header, spam only, GB numbers', async () => {
    const file = slice('SMSSpamCollection', 400);
    const options = [
      '--format',
      'tsv',
      '--columns',
      'label,text',
      '--where',
      'label=spam',
      '--set',
      'channel=SMS',
      '--set',
      'defaultRegion=GB',
      '--set',
      `source=test-sms-${randomUUID()}`,
    ];
    const first = await scamgraphImport(file, ...options);
    const spam = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('spam\t')).length;
    expect(first.summary).toMatchObject({ rows: 400, filtered: 400 - spam, duplicate: 0 });
    expect(first.summary.accepted + first.summary.rejected).toBe(spam);
    expect(first.summary.accepted).toBeGreaterThan(spam / 2);
    // Spam that names only a short code ("txt WIN to 87121") holds no indicator to store.
    expect(first.rejections.flatMap(({ errors }) => errors.map(({ code }) => code))).toContain('EMPTY_REPORT');
    expect(first.rejections[0]?.externalId).toMatch(/^SMSSpamCollection:\d+$/);

    const second = await scamgraphImport(file, ...options);
    expect(second.summary).toMatchObject({ accepted: 0, duplicate: first.summary.accepted, rejected: first.summary.rejected });
  }, 120_000);

  it('imports the SMS phishing dataset as it is: CSV with its own header, mapped', async () => {
    const file = slice('Dataset_5971.csv', 301);
    const result = await scamgraphImport(
      file,
      '--map',
      'text=TEXT',
      '--where',
      'label=smishing|spam',
      '--set',
      'channel=SMS',
      '--set',
      'defaultRegion=GB',
      '--set',
      `source=test-phishing-${randomUUID()}`,
    );
    expect(result.summary.rows).toBe(300);
    expect(result.summary.filtered).toBeGreaterThan(100);
    expect(result.summary.accepted).toBeGreaterThan(10);
  }, 120_000);
});
