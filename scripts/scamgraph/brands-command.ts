import { parseArgs } from 'node:util';
import { registerBrandsFile } from '../../src/brands/brand-registry-file.js';
import { BrandService } from '../../src/brands/brand.service.js';
import { loadConfig } from '../../src/config/config.js';
import { UsageError } from '../../src/import/column-mapping.js';
import { openGraph } from './open-graph.js';

export const BRANDS_USAGE = `scamgraph brands load <registry.json>
  Registers brands from a file through the same validation as upsertBrand:
  { "brands": [{ slug, name, aliases?, officialNumbers?, officialDomains? }] }, e.g. data/brands.demo.json.`;

/** Runs `scamgraph brands load`; exit code 1 when any brand was refused. */
export async function brandsCommand(args: readonly string[]): Promise<number> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  const [action, file, ...extra] = positionals;
  if (action !== 'load' || !file || extra.length > 0) throw new UsageError('brands takes: load <registry.json>');
  const { graph, close } = await openGraph(loadConfig(), (line) => process.stderr.write(`${line}\n`));
  try {
    const { loaded, refused } = await registerBrandsFile(new BrandService(graph), file);
    for (const slug of loaded) process.stdout.write(`loaded ${slug}\n`);
    for (const { slug, errors } of refused) process.stdout.write(`refused ${slug}: ${JSON.stringify(errors)}\n`);
    return refused.length > 0 ? 1 : 0;
  } finally {
    await close();
  }
}
