import { existsSync, renameSync } from 'node:fs';
import { generateCommand } from '../scamgraph/generate-command.js';

/**
 * A synthetic world as report and truth files at `<base>.jsonl` and `<base>.truth.jsonl`, generated once
 * (the same seed writes the same files) and reused after. Written under `.partial` names and renamed
 * when whole, so a run stopped half-way never leaves a short world to be reused.
 */
export async function worldFile(
  base: string,
  world: { reports: number; seed: number; options: readonly string[] },
): Promise<{ reportFile: string; truthFile: string }> {
  const [reportFile, truthFile] = [`${base}.jsonl`, `${base}.truth.jsonl`];
  if (!existsSync(reportFile) || !existsSync(truthFile)) {
    const args = ['--reports', String(world.reports), '--seed', String(world.seed), '--source', 'bench', ...world.options];
    await generateCommand([...args, '--out', `${reportFile}.partial`, '--truth', `${truthFile}.partial`]);
    renameSync(`${truthFile}.partial`, truthFile);
    renameSync(`${reportFile}.partial`, reportFile);
  }
  return { reportFile, truthFile };
}
