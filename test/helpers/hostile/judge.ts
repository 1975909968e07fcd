// What a client may get back for a hostile request: a coded error or an answer; never a 5xx,
// an uncoded or internal error, a stack trace, a Neo4j error or a line of our Cypher.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../scripts/neo4j/runtime.js';

export interface Answer {
  readonly status: number;
  /** The parsed body, or undefined when it was not JSON. */
  readonly body: { data?: any; errors?: any[] } | undefined;
  readonly text: string;
}

const cypherDir = path.join(projectRoot, 'cypher');
const cypherFiles = readdirSync(cypherDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.cypher'));

/** Lines of our Cypher long enough that seeing one in a response means the statement leaked. */
const CYPHER_LINES = cypherFiles
  .flatMap((file) => readFileSync(path.join(cypherDir, file), 'utf8').split('\n'))
  .map((line) => line.replace(/\/\/.*$/, '').trim())
  .filter((line) => line.length >= 24);

/** Every label, relationship type and word our Cypher uses: nothing else may appear in the graph. */
export const CYPHER_VOCABULARY = (() => {
  const text = cypherFiles.map((file) => readFileSync(path.join(cypherDir, file), 'utf8')).join('\n');
  const labels = new Set([...text.matchAll(/\(\w*:(\w+)/g)].map((m) => m[1]!));
  const types = new Set([...text.matchAll(/\[\w*:([\w|]+)/g)].flatMap((m) => m[1]!.split('|')));
  const words = new Set([...text.matchAll(/\b[A-Za-z_]\w*\b/g)].map((m) => m[0]));
  return { labels, types, words };
})();

const STACK_FRAME = /\bat (?:async )?[\w.<>$[\] ]+ \(?(?:file:\/\/|node:|\/)[^)\s]*:\d+:\d+\)?/;
const NEO4J_ERROR = /Neo\.(?:ClientError|TransientError|DatabaseError)|Neo4jError|neo4j-driver/;

export const codeOf = (error: any): unknown => error?.extensions?.code;

/** Problems with one answer, as readable lines; empty when it is acceptable. */
export function problemsOf(answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  if (answer.body === undefined || typeof answer.body !== 'object' || answer.body === null) {
    problems.push(`HTTP ${answer.status} without a JSON body carrying a code: ${JSON.stringify(answer.text.slice(0, 160))}`);
    return problems;
  }
  const errors = answer.body.errors ?? [];
  if (!Array.isArray(errors)) return [...problems, '"errors" is not a list'];
  if (errors.length === 0 && !('data' in answer.body)) problems.push('neither data nor errors');
  for (const error of errors) {
    const code = codeOf(error);
    const message = String(error?.message ?? '').slice(0, 200);
    if (typeof code !== 'string' || code === '') problems.push(`error without extensions.code: ${message}`);
    else if (code === 'INTERNAL_SERVER_ERROR') problems.push(`INTERNAL_SERVER_ERROR: ${message}`);
    if (error?.extensions?.stacktrace || error?.extensions?.exception) problems.push(`stack trace in extensions (${String(code)})`);
    const text = `${String(error?.message ?? '')}\n${JSON.stringify(error?.extensions ?? {})}`;
    if (STACK_FRAME.test(text)) problems.push(`stack frame in error ${String(code)}: ${STACK_FRAME.exec(text)![0]}`);
    if (NEO4J_ERROR.test(text)) problems.push(`Neo4j error text in ${String(code)}: ${message}`);
    const leaked = CYPHER_LINES.find((line) => text.includes(line));
    if (leaked) problems.push(`Cypher in error ${String(code)}: ${leaked}`);
  }
  return problems;
}

/** Codes of the errors in an answer ('-' for none), for the summary. */
export function outcomeOf(answer: Answer): string {
  const codes = [...new Set((answer.body?.errors ?? []).map((error: any) => String(codeOf(error))))];
  return codes.length > 0 ? codes.join('+') : 'answered';
}
