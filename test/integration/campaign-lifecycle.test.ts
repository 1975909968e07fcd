import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import {
  campaignsOf,
  detect,
  detectionEngines,
  halvesJoinedByOneNumber,
  makeOfficial,
  query,
  startDetectionApp,
  submit,
  twoCampaigns,
} from '../helpers/campaigns.js';
import { scamgraphImport } from '../helpers/scamgraph-cli.js';

const engines = await detectionEngines();
const url = (domain: string) => `https://${domain}/`;
const CAMPAIGN = `query($id: ID!) { campaign(id: $id) {
  id status size reportCount bridgedAt retiredAt createdAt mergedInto { id } splitFrom { id } } }`;

// Each engine gets graphs of its own: these tests change them as they go. Two full runs a test, on
// a server busy with the other test files: more time than the suite's default.
describe.each(engines)('campaigns over time, %s engine', { timeout: 60_000 }, (engine) => {
  let app: TestApp;
  const campaign = async (id: string | null) => (await query(app, CAMPAIGN, { id })).campaign;

  beforeAll(async () => {
    app = await startDetectionApp(engine);
  });
  afterAll(() => app?.stop());

  it('keeps its id through a re-run after growth; a report naming it joins at ingest', async () => {
    const [p1, p2, p3, d1] = [uniqueMobile(), uniqueMobile(), uniqueMobile(), uniqueDomain()];
    await submit(app, [
      { callbackNumbers: [p1], urls: [url(d1)] },
      { callbackNumbers: [p2], urls: [url(d1)] },
    ]);
    await detect(app);
    const id = (await campaignsOf(app, { phones: [p1] }))[p1]!;
    expect(await campaign(id)).toMatchObject({ status: 'ACTIVE', size: 4, reportCount: 2 });

    // Joins at ingest: the report and the figures at once; its new number at the next run.
    await submit(app, [{ callbackNumbers: [p3, p1] }]);
    expect(await campaign(id)).toMatchObject({ size: 4, reportCount: 3 });
    expect((await campaignsOf(app, { phones: [p3] }))[p3]).toBeNull();

    await detect(app);
    expect(await campaign(id)).toMatchObject({ status: 'ACTIVE', size: 5, reportCount: 3 });
    expect(await campaignsOf(app, { phones: [p1, p3] })).toEqual({ [p1]: id, [p3]: id });
  });

  it('joins a report that scamgraph import writes, as it joins one the API takes', async () => {
    const [p1, p2, d1] = [uniqueMobile(), uniqueMobile(), uniqueDomain()];
    await submit(app, [
      { callbackNumbers: [p1], urls: [url(d1)] },
      { callbackNumbers: [p2], urls: [url(d1)] },
    ]);
    await detect(app);
    const id = (await campaignsOf(app, { phones: [p1] }))[p1]!;
    const file = join(mkdtempSync(join(tmpdir(), 'scamgraph-join-')), 'reports.jsonl');
    writeFileSync(file, `${JSON.stringify({ channel: 'SMS', callbackNumbers: [p1], externalId: uniqueId() })}\n`);
    expect((await scamgraphImport(file)).summary).toMatchObject({ accepted: 1, rejected: 0 });
    expect(await campaign(id)).toMatchObject({ size: 4, reportCount: 3 });
  });

  it('records a merge: a report bridging two campaigns marks both, the next run merges the smaller into the larger', async () => {
    const { x1, y1, y2, dy, larger, smaller } = await twoCampaigns(app);
    expect(larger).not.toBe(smaller);

    await submit(app, [{ callbackNumbers: [x1, y1] }]);
    const [bridgedLarger, bridgedSmaller] = [await campaign(larger), await campaign(smaller)];
    expect(bridgedLarger.bridgedAt).toBeTruthy();
    expect(bridgedSmaller.bridgedAt).toBeTruthy();
    expect(bridgedLarger.reportCount).toBe(3);

    const run = await detect(app);
    expect(run.merged).toBeGreaterThanOrEqual(1);
    expect(await campaign(smaller)).toMatchObject({ status: 'MERGED', mergedInto: { id: larger }, retiredAt: expect.any(String) });
    expect(await campaign(larger)).toMatchObject({ status: 'ACTIVE', bridgedAt: null, reportCount: 6, size: 9 });
    expect(await campaignsOf(app, { phones: [y2], domains: [dy] })).toEqual({ [y2]: larger, [dy]: larger });
  });

  it("records a split: once the number joining two halves is a brand's official number, the smaller half says where it came from", async () => {
    const { a1, b1, joint, whole } = await halvesJoinedByOneNumber(app);
    expect(await campaignsOf(app, { phones: [b1, joint] })).toEqual({ [b1]: whole, [joint]: whole });

    await makeOfficial(app, joint);
    await detect(app);
    const after = await campaignsOf(app, { phones: [a1, b1, joint] });
    expect(after[b1]).toBe(whole);
    expect(after[joint]).toBeNull();
    expect(after[a1]).not.toBe(whole);
    expect(await campaign(after[a1]!)).toMatchObject({ status: 'ACTIVE', splitFrom: { id: whole }, size: 4 });
  });
});
