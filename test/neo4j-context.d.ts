// Values test/global-setup.ts hands to the tests through vitest's provide/inject.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    /** Empty when the server runs without authentication (the local runtime). */
    neo4jUser: string;
    neo4jPassword: string;
    /** 'local' is scripts/neo4j's runtime, whose GDS and APOC versions are the ones pinned in its pom. */
    neo4jServer: 'external' | 'testcontainers' | 'local';
    /** The local runtime's NEO4J_HOME; unset for the other servers. */
    neo4jHome?: string;
  }
}
