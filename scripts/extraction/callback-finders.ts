// The callback finders compared in one run of `npm run stats:extraction` and `npm run bench`:
// this checkout's extractor, the extractor as it stood before issue 14 (read from git), and
// bare libphonenumber-js findPhoneNumbersInText (every number it finds counted as a callback).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { extractIndicators } from '../../src/ingest/extraction/extract-indicators.js';
import type { CountryCode } from '../../src/ingest/normalise/phone.js';

export interface CallbackFinder {
  readonly name: string;
  /** E.164 of every number the finder offers as a callback. */
  readonly find: (text: string, region: CountryCode) => string[];
  /** Everything the finder does for a message (what the speed figures time). */
  readonly run: (text: string, region: CountryCode) => unknown;
}

/** The last commit before issue 14's extractor: the "previous" extractor of the figures. */
export const BASELINE_COMMIT = '9c3d3dc';

type Extract = typeof extractIndicators;

const callbacksOf = (extract: Extract) => (text: string, region: CountryCode) =>
  extract(text, region)
    .phones.filter(({ role }) => role === 'CALLBACK')
    .map(({ e164 }) => e164);

export const currentFinder: CallbackFinder = { name: 'scamgraph', find: callbacksOf(extractIndicators), run: extractIndicators };

export const bareFinder: CallbackFinder = {
  name: 'bare libphonenumber-js',
  find: (text, region) => findPhoneNumbersInText(text, { defaultCountry: region }).map(({ number }) => number.number),
  run: (text, region) => findPhoneNumbersInText(text, { defaultCountry: region }),
};

/**
 * The previous extractor, its sources checked out of git into .cache (git-ignored) once; null
 * with the reason when git or the commit is not at hand (a shallow clone).
 */
export async function baselineFinder(root: string): Promise<CallbackFinder | { missing: string }> {
  const folder = join(root, '.cache', 'baseline-extractor', BASELINE_COMMIT);
  const entry = join(folder, 'src', 'ingest', 'extraction', 'extract-indicators.ts');
  if (!existsSync(entry)) {
    try {
      mkdirSync(folder, { recursive: true });
      const archive = execFileSync('git', ['-C', root, 'archive', BASELINE_COMMIT, 'src'], { maxBuffer: 64 * 1024 * 1024 });
      execFileSync('tar', ['-x', '-C', folder], { input: archive });
    } catch (error) {
      return { missing: `commit ${BASELINE_COMMIT} could not be read from git (${String(error).split('\n')[0]})` };
    }
  }
  const module = (await import(entry)) as { extractIndicators: Extract };
  return { name: `previous (${BASELINE_COMMIT})`, find: callbacksOf(module.extractIndicators), run: module.extractIndicators };
}
