// `scamgraph <command>`: the one command line of the project (bulk import, the synthetic world, API
// keys, the brand registry, the project's own Neo4j). Started by bin/scamgraph.js.
import { UsageError } from '../../src/import/column-mapping.js';
import { API_KEY_USAGE, apiKeyCommand } from './api-key-command.js';
import { BRANDS_USAGE, brandsCommand } from './brands-command.js';
import { GENERATE_USAGE, generateCommand } from './generate-command.js';
import { IMPORT_USAGE, importCommand } from './import-command.js';
import { NEO4J_USAGE, neo4jCommand } from './neo4j-command.js';

const COMMANDS: Readonly<Record<string, (args: readonly string[]) => Promise<number>>> = {
  import: importCommand,
  generate: generateCommand,
  'api-key': apiKeyCommand,
  brands: brandsCommand,
  neo4j: neo4jCommand,
};
const USAGE = `usage:\n${[IMPORT_USAGE, GENERATE_USAGE, API_KEY_USAGE, BRANDS_USAGE, NEO4J_USAGE].join('\n\n')}\n`;

const [name = '', ...args] = process.argv.slice(2);
const command = COMMANDS[name];
if (!command || args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(command || name === '--help' || name === '-h' ? 0 : 2);
}
try {
  process.exitCode = await command(args);
} catch (error) {
  // parseArgs reports unknown or malformed options with codes like ERR_PARSE_ARGS_UNKNOWN_OPTION.
  const isUsage = error instanceof UsageError || String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`scamgraph ${name}: ${(error as Error).message}\n${isUsage ? `\n${USAGE}` : ''}`);
  process.exitCode = isUsage ? 2 : 1;
}
