import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { Driver } from 'neo4j-driver';
import { PEER_TYPE_DEFS } from './peer-type-defs.js';

export interface PeerServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * @neo4j/graphql over the same Neo4j, served by a second Apollo server in this process on a free
 * port: what a team would otherwise stand up. No authentication or cost limits (scamgraph has both).
 */
export async function startPeerServer(driver: Driver): Promise<PeerServer> {
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, stop: () => server.stop() };
}
