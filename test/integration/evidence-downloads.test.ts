// Evidence packs as streamed HTTP downloads (issue 16): a campaign pack of a few hundred reports
// read with node:http, as a client that takes files would, checked against GraphQL's own renderings.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_KEY, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';
import { submit } from '../helpers/campaigns.js';
import { testDriver } from '../helpers/neo4j.js';

let app: TestApp;
const driver = testDriver();
const campaignId = `download-campaign-${uniqueId().slice(0, 8)}`;
const REPORTS = 400;
const FORMATS = ['json', 'csv', 'stix', 'misp'] as const;

interface Download {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  /** How many pieces the body came in. */
  readonly pieces: number;
}

/** GET with node:http: the headers as sent, and the body as it arrived, piece by piece. */
function download(path: string, key: string | null = TEST_ADMIN_KEY): Promise<Download> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${new URL(app.url).origin}${path}`,
      { headers: key ? { authorization: `Bearer ${key}` } : {} },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(parts).toString('utf8'),
            pieces: parts.length,
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
  });
}

beforeAll(async () => {
  app = await startTestApp();
  const domain = uniqueDomain();
  const reports = Array.from({ length: REPORTS }, (_, i) => ({
    callbackNumbers: [uniqueMobile()],
    urls: [`https://pay-${i}.${domain}/verify`],
    text: `Your parcel ${i} is held: pay the fee at https://pay-${i}.${domain}/verify or call back`,
    receivedAt: new Date(Date.now() - i * 60_000).toISOString(),
  }));
  const ids: string[] = [];
  for (let i = 0; i < reports.length; i += 200) ids.push(...(await submit(app, reports.slice(i, i + 200))));
  const session = driver.session();
  try {
    await session.run(
      `CREATE (c:Campaign {id: $id, size: $size, reportCount: $size, status: 'ACTIVE', createdAt: datetime()})
       WITH c UNWIND $ids AS rid MATCH (r:Report {id: rid}) CREATE (r)-[:IN_CAMPAIGN]->(c)`,
      { id: campaignId, size: ids.length, ids },
    );
  } finally {
    await session.close();
  }
}, 180_000);
afterAll(async () => {
  await app?.stop();
  await driver.close();
});

describe('evidence downloads', () => {
  it('GraphQL links to each format, and each link streams the same file GraphQL renders', async () => {
    const response = await app.gql(
      `query($id: ID!) { campaignEvidencePack(id: $id) { digest reportCount ${FORMATS.join(' ')} downloads { ${FORMATS.join(' ')} } } }`,
      { id: campaignId },
    );
    expect(response.errors).toBeUndefined();
    const pack = response.data!['campaignEvidencePack'];
    expect(pack.reportCount).toBe(REPORTS);
    expect(pack.downloads).toEqual({
      json: `/evidence/campaign/${campaignId}.json`,
      csv: `/evidence/campaign/${campaignId}.csv`,
      stix: `/evidence/campaign/${campaignId}.stix.json`,
      misp: `/evidence/campaign/${campaignId}.misp.json`,
    });
    for (const format of FORMATS) {
      const file = await download(pack.downloads[format]);
      expect(file.status).toBe(200);
      // Streamed: chunked, no length known up front, and it arrived in more than one piece.
      expect(file.headers['transfer-encoding']).toBe('chunked');
      expect(file.headers['content-length']).toBeUndefined();
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="evidence-campaign-${campaignId}${pack.downloads[format].slice(pack.downloads[format].indexOf('.'))}"`,
      );
      expect(file.headers['x-evidence-digest']).toBe(pack.digest);
      if (format === 'csv') {
        expect(file.body.split('\r\n').length).toBe(REPORTS + 2);
        expect(file.body).toBe(pack.csv);
      } else {
        // Both render the same evidence; only the pack's own creation time may differ between the two asks.
        const same = (text: string) => text.replace(/"(createdAt|at|date|timestamp)": "[^"]*"/g, '"$1": "*"');
        expect(same(file.body)).toBe(same(pack[format]));
      }
      if (format === 'json') expect(file.pieces).toBeGreaterThan(1);
    }
  });

  it('answers as GraphQL does for keys: 401 without one, 403 for a REPORTER key', async () => {
    const path = `/evidence/campaign/${campaignId}.csv`;
    const missing = await download(path, null);
    expect([missing.status, JSON.parse(missing.body).errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const created = await app.gql('mutation { createApiKey(name: "download reporter", role: REPORTER) { key } }');
    const forbidden = await download(path, created.data!['createApiKey'].key);
    expect([forbidden.status, JSON.parse(forbidden.body).errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
    expect((await download(`/evidence/campaign/none-${campaignId}.json`)).status).toBe(404);
  });
});
