// `scamgraph <command>`: the one command line of the project (bulk import, the synthetic world, API
// keys, the brand registry, the project's own Neo4j). Started by bin/scamgraph.js.
import { UsageError } from '../../src/import/column-mapping.js';

interface Command {
  readonly run: (args: readonly string[]) => Promise<number>;
  readonly usage: string;
}
// Each command's module is loaded only when it runs (or for the usage text): a command started by a
// script or a test loads its own code, not the four others' (a third to a half of a second each).
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  import: async () => import('./import-command.js').then((m) => ({ run: m.importCommand, usage: m.IMPORT_USAGE })),
  generate: async () => import('./generate-command.js').then((m) => ({ run: m.generateCommand, usage: m.GENERATE_USAGE })),
  'api-key': async () => import('./api-key-command.js').then((m) => ({ run: m.apiKeyCommand, usage: m.API_KEY_USAGE })),
  brands: async () => import('./brands-command.js').then((m) => ({ run: m.brandsCommand, usage: m.BRANDS_USAGE })),
  neo4j: async () => import('./neo4j-command.js').then((m) => ({ run: m.neo4jCommand, usage: m.NEO4J_USAGE })),
};
const usage = async () =>
  `usage:\n${(await Promise.all(Object.values(COMMANDS).map(async (load) => (await load()).usage))).join('\n\n')}\n`;

const [name = '', ...args] = process.argv.slice(2);
const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
if (!load || args.includes('--help') || args.includes('-h')) {
  process.stdout.write(await usage());
  process.exit(load || name === '--help' || name === '-h' ? 0 : 2);
}
const command = await load();
try {
  process.exitCode = await command.run(args);
} catch (error) {
  // parseArgs reports unknown or malformed options with codes like ERR_PARSE_ARGS_UNKNOWN_OPTION.
  const isUsage = error instanceof UsageError || String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`scamgraph ${name}: ${(error as Error).message}\n${isUsage ? `\n${await usage()}` : ''}`);
  process.exitCode = isUsage ? 2 : 1;
}
