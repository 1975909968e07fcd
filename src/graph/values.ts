import neo4j from 'neo4j-driver';

/** Neo4j values to plain JS: temporal values to Date, nodes to their properties. */
export function toPlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isDateTime(value) || neo4j.isDate(value) || neo4j.isLocalDateTime(value)) {
    return new Date(value.toString());
  }
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlain(value.properties);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toPlain(inner)]));
}

/**
 * JS values to Cypher parameters: whole numbers become Neo4j integers, since a JS number
 * arrives as a float and LIMIT, SKIP and integer comparisons refuse "6.0".
 */
export function toParameter(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toParameter);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toParameter(inner)]));
  }
  return value;
}
