import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('configuration from the environment', () => {
  it('fills defaults and freezes the result', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 4000, GRAPHQL_PATH: '/graphql', BATCH_MAX: 1000, NEO4J_PORT: 7687, API_KEY_CACHE_MS: 30_000 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names each bad variable and why', () => {
    expect(() => loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://db:7474' })).toThrowError(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrowError(/PORT: .*number/i);
    expect(() => loadConfig({ NEO4J_URI: 'http://db:7474' })).toThrowError(
      /NEO4J_URI: must be a bolt:\/\/, neo4j:\/\/ or neo4j\+s:\/\/ URI/,
    );
    expect(() => loadConfig({ BATCH_MAX: '0' })).toThrowError(/BATCH_MAX/);
  });

  it('accepts routing and Aura URIs', () => {
    for (const uri of ['bolt://localhost:7687', 'neo4j://cluster:7687', 'neo4j+s://abc.databases.neo4j.io']) {
      expect(loadConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
    }
  });
});
