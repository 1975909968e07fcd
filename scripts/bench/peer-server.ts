// @neo4j/graphql over the same Neo4j: what a team would otherwise stand up. No authentication or
// cost limits (scamgraph has both). Run by the benchmark in a process of its own (server-process.ts):
//   NEO4J_URI=bolt://... node dist/scripts/bench/peer-server.js
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { loadConfig } from '../../src/config/config.js';
import { createDriver } from '../../src/graph/driver.js';
import { PEER_TYPE_DEFS } from './peer-type-defs.js';

const config = loadConfig();
if (!config.NEO4J_URI) throw new Error('peer-server: set NEO4J_URI');
const driver = createDriver({ uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD });
const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
process.once(
  'SIGTERM',
  () =>
    void server
      .stop()
      .then(() => driver.close())
      .finally(() => process.exit(0)),
);
process.stderr.write(`peer: GraphQL at ${url}\n`);
