import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker } from 'tesseract.js';

const require = createRequire(import.meta.url);

/**
 * The English model shipped by @tesseract.js-data/eng, read from node_modules: nothing is
 * downloaded at run time. 4.0.0_best_int is the integer LSTM model tesseract.js uses by default.
 */
export const ENG_LANG_PATH = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');

/** Text in an image, one recognition on a fresh worker (the caller's child process ends after it). */
export async function recognise(image: Uint8Array): Promise<string> {
  // cacheMethod none: the model is read from the package each time and never written elsewhere.
  const worker = await createWorker('eng', 1, { langPath: ENG_LANG_PATH, cacheMethod: 'none', gzip: true });
  try {
    const { data } = await worker.recognize(Buffer.from(image));
    return data.text;
  } finally {
    await worker.terminate();
  }
}
