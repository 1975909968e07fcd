import type { Normalised } from '../ingest/normalise/result.js';

/**
 * The canonical form of an indicator the generator made. The generator writes only what the
 * normalisers accept, so a rejection here is a bug in the generator, not bad input.
 */
export function canonical<T>(result: Normalised<T>): T {
  if (!result.ok) throw new Error(`synthetic indicator rejected by its normaliser (${result.code}): ${result.message}`);
  return result.value;
}
