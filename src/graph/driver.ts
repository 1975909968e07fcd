import neo4j, { type Driver } from 'neo4j-driver';

export interface DriverSettings {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
}

/** One driver per process: it pools connections and, with neo4j://, routes reads to followers. */
export function createDriver(settings: DriverSettings): Driver {
  const auth = settings.password ? neo4j.auth.basic(settings.user, settings.password) : undefined;
  return neo4j.driver(settings.uri, auth, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 30_000,
    userAgent: 'scamgraph',
  });
}
