// `scamgraph <command>`: bulk import and the synthetic world. Started by bin/scamgraph.js.
import { UsageError } from '../../src/import/column-mapping.js';
import { GENERATE_USAGE, generateCommand } from './generate-command.js';
import { IMPORT_USAGE, importCommand } from './import-command.js';

const COMMANDS: Readonly<Record<string, (args: readonly string[]) => Promise<number>>> = {
  import: importCommand,
  generate: generateCommand,
};
const USAGE = `usage:\n${IMPORT_USAGE}\n\n${GENERATE_USAGE}\n`;

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
