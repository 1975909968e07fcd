// `npx tsx scripts/emit-error-codes.ts`: writes docs/api.md's table of error codes from the one
// registry (src/graphql/error-codes.ts); test/unit/error-codes.test.ts fails while they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/config/project-root.js';
import { errorCodesMarkdown } from '../src/graphql/error-codes.js';

export const START = '<!-- error codes: written by scripts/emit-error-codes.ts -->';
export const END = '<!-- end of error codes -->';

const readme = join(projectRoot(), 'docs', 'api.md');
const text = readFileSync(readme, 'utf8');
const [before, rest] = text.split(START);
const after = rest?.split(END)[1];
if (before === undefined || after === undefined) throw new Error(`docs/api.md has no ${START} ... ${END} block`);
writeFileSync(readme, `${before}${START}\n${errorCodesMarkdown()}\n${END}${after}`);
