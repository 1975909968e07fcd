import { existsSync, renameSync } from 'node:fs';
import { GENERATOR_VERSION } from '../../src/synthetic/scam-world.js';
import { generateCommand } from '../scamgraph/generate-command.js';

/**
 * A synthetic world as report and truth files at `<base>-g<GENERATOR_VERSION>.jsonl` and `....truth.jsonl`,
 * generated once (the same seed and generator write the same files) and reused after. Written under `.partial` names and renamed
 * when whole, so a run stopped half-way never leaves a short world to be reused.
 */
export async function worldFile(
  base: string,
  world: { reports: number; seed: number; options: readonly string[]; announce?: () => void },
): Promise<{ reportFile: string; truthFile: string }> {
  const versioned = `${base}-g${GENERATOR_VERSION}`;
  const [reportFile, truthFile] = [`${versioned}.jsonl`, `${versioned}.truth.jsonl`];
  if (!existsSync(reportFile) || !existsSync(truthFile)) {
    world.announce?.();
    const args = ['--reports', String(world.reports), '--seed', String(world.seed), '--source', 'bench', ...world.options];
    // The brands file under its final name: beside the .partial one, it was left as `...jsonl.partial.brands.json`.
    await generateCommand([
      ...args,
      '--out',
      `${reportFile}.partial`,
      '--truth',
      `${truthFile}.partial`,
      '--brands',
      `${versioned}.brands.json`,
    ]);
    renameSync(`${truthFile}.partial`, truthFile);
    renameSync(`${reportFile}.partial`, reportFile);
  }
  return { reportFile, truthFile };
}
