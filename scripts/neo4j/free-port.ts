import { createServer } from 'node:net';

/**
 * A loopback port nothing listens on now, for a Neo4j or a server of a test's or benchmark's own:
 * it must never meet a developer's server or another run's. The operating system picks it.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
