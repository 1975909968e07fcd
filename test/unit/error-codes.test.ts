import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, errorCodesMarkdown } from '../../src/graphql/error-codes.js';

const apiDoc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');

describe('the error registry', () => {
  it("is docs/api.md's table of codes (npx tsx scripts/emit-error-codes.ts writes it)", () => {
    const block = /<!-- error codes: written by scripts\/emit-error-codes\.ts -->\n([\s\S]*?)\n<!-- end of error codes -->/.exec(
      apiDoc,
    )?.[1];
    expect(block).toBe(errorCodesMarkdown());
  });

  it('is the only list of codes in src/server and src/graphql: every code they answer with is registered', () => {
    // Codes written where an answer is made: refusal('X', ScamgraphError('X', code: 'X' (in an error's extensions).
    const found = execSync(
      `grep -rhoE "(refusal|ScamgraphError|refuse)\\\\((response, )?'[A-Z_]+'|extensions: \\\\{ code: '[A-Z_]+'" src/server src/graphql || true`,
      {
        encoding: 'utf8',
      },
    );
    // Item errors ({ field, code, message }) anywhere the API's services make them: written() answers
    // their code. The import command's own INVALID_ROW is a file's line, never an API answer.
    const itemErrors = execSync(`grep -rhoE "field: '[A-Za-z.]*', code: '[A-Z_]+'" src --exclude-dir=import || true`, { encoding: 'utf8' });
    const codes = new Set([...(found + itemErrors).matchAll(/'([A-Z_]+)'/g)].map((match) => match[1] as string));
    expect(codes.size).toBeGreaterThan(10);
    expect([...codes].filter((code) => !(code in ERROR_CODES))).toEqual([]);
  });
});
