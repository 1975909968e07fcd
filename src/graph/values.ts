import neo4j from 'neo4j-driver';

/**
 * Neo4j values to plain JS: temporal values to Date, integers to numbers, nodes to their
 * properties. Maps and lists are converted in place, not copied: the driver makes them afresh
 * for every record, and a page of nodes would otherwise be allocated twice.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toPlain(value[i]);
    return value;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value as Record<string, unknown>);
  if (neo4j.isDateTime(value)) return toDate(value, value.timeZoneOffsetSeconds);
  if (neo4j.isDate(value) || neo4j.isLocalDateTime(value)) return toDate(value, 0);
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlain(value.properties);
  return plainMap(value as Record<string, unknown>);
}

function plainMap(map: Record<string, unknown>): Record<string, unknown> {
  for (const key in map) map[key] = toPlain(map[key]);
  return map;
}

/**
 * From the fields, not through toString(): formatting and re-parsing an ISO string was the
 * costliest step of turning a page of nodes into JS. Local times read as UTC; a named zone
 * without its offset falls back to text.
 */
function toDate(value: TemporalFields, offsetSeconds: unknown): Date {
  if (offsetSeconds === undefined || offsetSeconds === null) return new Date(value.toString());
  // Number(): a driver made without disableLosslessIntegers gives Integer objects here.
  const n = (field: unknown) => Number(field ?? 0);
  const { year, month, day, hour, minute, second, nanosecond } = value;
  return new Date(
    Date.UTC(n(year), n(month) - 1, n(day), n(hour), n(minute), n(second), Math.floor(n(nanosecond) / 1e6)) - n(offsetSeconds) * 1000,
  );
}

/** Numbers, or Integer objects from a driver that keeps integers exact. */
interface TemporalFields {
  readonly year: unknown;
  readonly month: unknown;
  readonly day: unknown;
  /** Absent on a Date. */
  readonly hour?: unknown;
  readonly minute?: unknown;
  readonly second?: unknown;
  readonly nanosecond?: unknown;
  toString(): string;
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

/**
 * Page edges whose nodes a statement returned as the values of some of their properties
 * (`[key IN $properties | n[key]]`, Cypher having no dynamic map projection), nodes as objects;
 * `properties` null: the nodes are whole already.
 */
export function projectedEdges<E extends { node: unknown }>(edges: readonly E[], properties: readonly string[] | null): E[] {
  if (!properties) return [...edges];
  return edges.map((edge) => {
    const node: Record<string, unknown> = {};
    properties.forEach((property, i) => (node[property] = (edge.node as unknown[])[i]));
    return { ...edge, node };
  });
}
