// `npx tsx scripts/bench/flood.ts <graphql url> <admin key> [--requests 200] [--connections 8] [--warm-up 500]
//   [--pids api=<pid>,lane=<pid>,neo4j=<pid>]`: the flood scenario (./flood-scenario.ts) against a running
// server, printed as markdown; with --pids, each process's CPU ms per analyst request too (the pids
// `npm start` prints on its serving line).
import { parseArgs } from 'node:util';
import { floodMarkdown, floodScenario, SERVER_PROCESSES, type FloodProcess } from './flood-scenario.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    requests: { type: 'string', default: '200' },
    connections: { type: 'string', default: '8' },
    'warm-up': { type: 'string', default: '500' },
    pids: { type: 'string', default: '' },
  },
});
const pids: Partial<Record<FloodProcess, number>> = {};
for (const pair of values.pids.split(',').filter(Boolean)) {
  const [name = '', pid = ''] = pair.split('=');
  if (!(SERVER_PROCESSES as readonly string[]).includes(name) || !/^\d+$/.test(pid))
    throw new Error(`--pids takes name=pid pairs, names ${SERVER_PROCESSES.join(', ')}; got ${pair}`);
  pids[name as FloodProcess] = Number(pid);
}
const [url = 'http://127.0.0.1:4000/graphql', adminKey = process.env['SCAMGRAPH_ADMIN_KEY'] ?? ''] = positionals;
const result = await floodScenario(url, adminKey, {
  requests: Number(values.requests),
  connections: Number(values.connections),
  warmUp: Number(values['warm-up']),
  pids,
});
process.stdout.write(floodMarkdown(result));
