// `npx tsx scripts/bench/flood.ts <graphql url> <admin key> [--requests 200] [--connections 8]`:
// the flood scenario (./flood-scenario.ts) against a running server, printed as markdown.
import { parseArgs } from 'node:util';
import { floodMarkdown, floodScenario } from './flood-scenario.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { requests: { type: 'string', default: '200' }, connections: { type: 'string', default: '8' } },
});
const [url = 'http://127.0.0.1:4000/graphql', adminKey = process.env['SCAMGRAPH_ADMIN_KEY'] ?? ''] = positionals;
const result = await floodScenario(url, adminKey, { requests: Number(values.requests), connections: Number(values.connections) });
process.stdout.write(floodMarkdown(result));
