import { parseArgs } from 'node:util';
import { ApiKeyService } from '../../src/auth/api-key.service.js';
import { ROLES, type Role } from '../../src/auth/roles.js';
import { loadConfig } from '../../src/config/config.js';
import { UsageError } from '../../src/import/column-mapping.js';
import { openGraph } from './open-graph.js';

export const API_KEY_USAGE = `scamgraph api-key create <name> <${ROLES.join('|')}> | revoke <id> | list
  API keys for operators, by the same service as the createApiKey and revokeApiKey mutations.
  create prints the key once (only its hash is stored); list never prints a key.`;

/** Runs `scamgraph api-key`; resolves to the process exit code. */
export async function apiKeyCommand(args: readonly string[]): Promise<number> {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  const [action, ...rest] = positionals;
  const run = ACTIONS[`${action}/${rest.length}`];
  if (!run)
    throw new UsageError(
      `api-key takes create <name> <role>, revoke <id> or list; got ${JSON.stringify(positionals.join(' ').slice(0, 80))}`,
    );
  if (action === 'create' && !ROLES.includes(rest[1] as Role))
    throw new UsageError(`the role is one of ${ROLES.join(', ')}; got ${JSON.stringify(rest[1]?.slice(0, 40))}`);
  const config = loadConfig();
  const { graph, close } = await openGraph(config, (line) => process.stderr.write(`${line}\n`));
  try {
    const answer = await run(new ApiKeyService(graph, undefined, config.API_KEY_CACHE_MS), rest);
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return answer === null ? 1 : 0;
  } finally {
    await close();
  }
}

/** By action and number of arguments; null is "no such key". */
const ACTIONS: Readonly<Record<string, (keys: ApiKeyService, args: readonly string[]) => Promise<unknown>>> = {
  'create/2': (keys, [name, role]) => keys.create(name!, role as Role),
  'revoke/1': async (keys, [id]) => (await keys.revoke(id!)) ?? null,
  'list/0': (keys) => keys.list(),
};
