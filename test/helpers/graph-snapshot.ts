// The whole graph as plain values, to compare before and after a test that must change
// nothing but what it wrote. Fine for a test database; never point it at a big one.
import neo4j, { type Driver } from 'neo4j-driver';

export interface SnapshotNode {
  readonly labels: string[];
  readonly props: Record<string, unknown>;
}
export interface SnapshotRel {
  readonly type: string;
  readonly start: string;
  readonly end: string;
  readonly props: Record<string, unknown>;
}
export interface GraphSnapshot {
  readonly nodes: Map<string, SnapshotNode>;
  readonly rels: Map<string, SnapshotRel>;
  /** Tokens the database has ever seen: they outlive the data that made them. */
  readonly tokens: { labels: Set<string>; types: Set<string>; keys: Set<string> };
}

/** Neo4j values to JSON-comparable ones: integers to numbers, temporals to ISO strings. */
export function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plain);
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isDateTime(value) || neo4j.isDate(value) || neo4j.isLocalDateTime(value) || neo4j.isDuration(value)) return value.toString();
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
}

export async function snapshot(driver: Driver): Promise<GraphSnapshot> {
  const read = async (query: string) => (await driver.executeQuery(query, {}, { routing: neo4j.routing.READ })).records;
  const nodes = new Map<string, SnapshotNode>();
  for (const r of await read('MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props')) {
    nodes.set(r.get('id'), { labels: (r.get('labels') as string[]).sort(), props: plain(r.get('props')) as Record<string, unknown> });
  }
  const rels = new Map<string, SnapshotRel>();
  for (const r of await read(
    'MATCH (a)-[x]->(b) RETURN elementId(x) AS id, type(x) AS type, elementId(a) AS a, elementId(b) AS b, properties(x) AS props',
  )) {
    rels.set(r.get('id'), {
      type: r.get('type'),
      start: r.get('a'),
      end: r.get('b'),
      props: plain(r.get('props')) as Record<string, unknown>,
    });
  }
  const tokens = async (query: string) => new Set((await read(query)).map((r) => r.get(0) as string));
  return {
    nodes,
    rels,
    tokens: {
      labels: await tokens('CALL db.labels()'),
      types: await tokens('CALL db.relationshipTypes()'),
      keys: await tokens('CALL db.propertyKeys()'),
    },
  };
}
