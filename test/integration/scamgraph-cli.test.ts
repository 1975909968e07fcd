// The one `scamgraph` command (issue 20), run through its bin as an operator would, against the
// suite's Neo4j: API keys made here work against the API, brands load, usage errors exit 2.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApp, uniqueId, type TestApp } from '../helpers/app.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'scamgraph-cli-'));

/** Runs `scamgraph <args>`; resolves to its exit code and output, failing or not. */
async function scamgraph(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_USER: inject('neo4jUser') || 'neo4j',
    NEO4J_PASSWORD: inject('neo4jPassword'),
    NEO4J_HOME: join(dir, 'home'),
    LOG_LEVEL: 'silent',
  };
  return promisify(execFile)(process.execPath, [join(root, 'bin/scamgraph.js'), ...args], { cwd: root, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

/** The app's API_KEY_CACHE_MS: short, so a revocation from the command reaches it within a test. */
const KEY_CACHE_MS = 1_000;
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ API_KEY_CACHE_MS: String(KEY_CACHE_MS) });
});
afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('scamgraph', () => {
  it('lists every subcommand in its usage, and exits 2 on one it does not know', async () => {
    const help = await scamgraph('--help');
    expect(help.code).toBe(0);
    for (const command of ['import', 'generate', 'api-key', 'brands load', 'neo4j']) expect(help.stdout).toContain(`scamgraph ${command}`);
    const unknown = await scamgraph('frobnicate');
    expect(unknown.code).toBe(2);
  });

  it('creates an API key that the API accepts, lists it without the key, and revokes it', async () => {
    const name = `cli-${uniqueId()}`;
    const created = await scamgraph('api-key', 'create', name, 'ANALYST');
    expect(created.code).toBe(0);
    const { id, key, role } = JSON.parse(created.stdout) as { id: string; key: string; role: string };
    expect(role).toBe('ANALYST');
    const asKey = () => app.gql('{ viewer { role } }', {}, key);
    expect((await asKey()).data).toEqual({ viewer: { role: 'ANALYST' } });
    const listed = JSON.parse((await scamgraph('api-key', 'list')).stdout) as { id: string; name: string }[];
    expect(listed.find((each) => each.id === id)).toMatchObject({ name });
    expect(JSON.stringify(listed)).not.toContain(key);
    expect((await scamgraph('api-key', 'revoke', id)).code).toBe(0);
    // Another process revoked it: this app trusts its cached verification for API_KEY_CACHE_MS, then asks Neo4j.
    await expect
      .poll(async () => (await asKey()).errors?.[0]?.extensions?.code, { timeout: KEY_CACHE_MS + 10_000, interval: 200 })
      .toBe('UNAUTHENTICATED');
    expect((await scamgraph('api-key', 'revoke', 'no-such-key')).code).toBe(1);
  }, 90_000);

  it('refuses a role it does not know with a usage error, writing nothing', async () => {
    const before = (JSON.parse((await scamgraph('api-key', 'list')).stdout) as unknown[]).length;
    const refused = await scamgraph('api-key', 'create', 'x', 'ROOT');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the role is one of');
    expect((JSON.parse((await scamgraph('api-key', 'list')).stdout) as unknown[]).length).toBe(before);
  });

  it('loads a brand registry, and says which brands it refused', async () => {
    const slug = `cli-brand-${uniqueId().slice(0, 8)}`;
    const file = join(dir, 'brands.json');
    writeFileSync(
      file,
      JSON.stringify({
        brands: [
          { slug, name: `Cli ${slug}`, officialNumbers: ['+61 2 9999 0000'] },
          { slug: 'Not A Slug', name: 'x' },
        ],
      }),
    );
    const loaded = await scamgraph('brands', 'load', file);
    expect(loaded.code).toBe(1);
    expect(loaded.stdout).toContain(`loaded ${slug}`);
    expect(loaded.stdout).toMatch(/refused Not A Slug: .*INVALID_VALUE/);
    const { data } = await app.gql('query($s: String!) { brand(slug: $s) { slug officialNumbers } }', { s: slug });
    expect(data).toEqual({ brand: { slug, officialNumbers: ['+61299990000'] } });
  });

  it("tells whether the project's own Neo4j runs: exit 3 when it does not", async () => {
    const status = await scamgraph('neo4j', 'status');
    expect(status.code).toBe(3);
    expect(status.stderr).toContain('not running');
  });
});
