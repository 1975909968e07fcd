// Issue 5's five analyst queries, each as scamgraph asks it and as @neo4j/graphql asks it on the
// same graph, with what both answers must agree on: the same keys in the same order, the same counts.

/** Which sampled key a query takes. */
export type KeyKind = 'phone' | 'domain' | 'brand' | 'none';

// GraphQL answers are read by shape; sameData checks them against each other at run time.
type Data = any;

export interface AnalystQuery {
  readonly name: string;
  readonly key: KeyKind;
  readonly ours: string;
  readonly peer: string;
  /** Keys whose answer both servers can give alike (by scamgraph's answer); every key when absent. */
  readonly comparable?: (ours: Data) => boolean;
  /** What must be equal, from each server's answer. */
  readonly sameData: { readonly ours: (data: Data) => unknown; readonly peer: (data: Data) => unknown };
}

const BY_REPORTS = (node: string) => `sort: [{ edge: { reports: DESC } }, { node: { ${node}: ASC } }]`;
const nodes = (connection: Data, pick: (node: Data) => unknown) => connection['edges'].map((edge: Data) => pick(edge['node']));

const NAMED_BY_REPORT = `id callbackNumbers { e164 } callerIds { e164 } senderIds { e164 } urls { url } domains { name }
  emails { address } wallets { chain address } bankAccounts { scheme identifier } brands { slug }`;

/** A 2-hop neighbourhood from a phone number as @neo4j/graphql returns it: the drawn node ids and edges. */
function peerNeighbourhood(phone: Data) {
  const ids = new Set([`phone:${phone['e164']}`]);
  const edges = new Set<string>();
  const link = (report: string, kind: string, target: string) => {
    ids.add(target);
    edges.add(`${report}|${kind}|${target}`);
  };
  const roles = [
    ['callbackReports', 'CALLBACK_NUMBER'],
    ['callerIdReports', 'CALLER_ID'],
    ['senderIdReports', 'SENDER_ID'],
  ] as const;
  for (const [field] of roles) {
    for (const r of phone[field] as Data[]) {
      const report = `report:${r['id']}`;
      ids.add(report);
      for (const p of r['callbackNumbers']) link(report, 'CALLBACK_NUMBER', `phone:${p.e164}`);
      for (const p of r['callerIds']) link(report, 'CALLER_ID', `phone:${p.e164}`);
      for (const p of r['senderIds']) link(report, 'SENDER_ID', `phone:${p.e164}`);
      for (const u of r['urls']) link(report, 'LINKS_TO', `url:${u.url}`);
      for (const d of r['domains']) link(report, 'NAMES_DOMAIN', `domain:${d.name}`);
      for (const e of r['emails']) link(report, 'CONTACT_EMAIL', `email:${e.address}`);
      for (const w of r['wallets']) link(report, 'PAY_TO', `wallet:${w.chain}:${w.address}`);
      for (const a of r['bankAccounts']) link(report, 'PAY_TO', `bank_account:${a.scheme}:${a.identifier}`);
      for (const b of r['brands']) link(report, 'IMPERSONATES', `brand:${b.slug}`);
    }
  }
  return { nodes: [...ids].sort(), edges: [...edges].sort() };
}

export const ANALYST_QUERIES: readonly AnalystQuery[] = [
  {
    name: 'phoneNumber with brands and domains',
    key: 'phone',
    ours: 'query($key: String!) { phoneNumber(number: $key) { e164 reportCount brandCount brands { slug name } domains { name } } }',
    peer: `query($key: String!) { phoneNumbers(where: { e164: { eq: $key } }) { e164 reportCount brandCount
      brandsConnection(first: 100, ${BY_REPORTS('slug')}) { edges { node { slug name } } }
      domainsConnection(first: 100, ${BY_REPORTS('name')}) { edges { node { name } } } } }`,
    sameData: {
      ours: ({ phoneNumber: p }) => [p.e164, p.reportCount, p.brandCount, p.brands, p.domains],
      peer: ({ phoneNumbers: [p] }) => [
        p.e164,
        p.reportCount,
        p.brandCount,
        nodes(p.brandsConnection, (b) => b),
        nodes(p.domainsConnection, (d) => d),
      ],
    },
  },
  {
    name: 'domain with callbackNumbers',
    key: 'domain',
    ours: 'query($key: String!) { domain(name: $key) { name reportCount callbackNumbers { e164 } } }',
    peer: `query($key: String!) { domains(where: { name: { eq: $key } }) { name reportCount
      callbackNumbersConnection(first: 100, ${BY_REPORTS('e164')}) { edges { node { e164 } } } } }`,
    sameData: {
      ours: ({ domain: d }) => [d.name, d.reportCount, d.callbackNumbers],
      peer: ({ domains: [d] }) => [d.name, d.reportCount, nodes(d.callbackNumbersConnection, (p) => p)],
    },
  },
  {
    name: 'crossBrandNumbers(first: 50)',
    key: 'none',
    ours: '{ crossBrandNumbers(first: 50) { totalCount edges { node { e164 brandCount } } } }',
    peer: `{ phoneNumbersConnection(first: 50, where: { brandCount: { gte: 2 } },
      sort: [{ brandCount: DESC }, { callbackCount: DESC }, { e164: ASC }]) { totalCount edges { node { e164 brandCount } } } }`,
    sameData: {
      ours: ({ crossBrandNumbers: c }) => [c.totalCount, nodes(c, (p) => p)],
      peer: ({ phoneNumbersConnection: c }) => [c.totalCount, nodes(c, (p) => p)],
    },
  },
  {
    name: 'neighbourhood(hops: 2)',
    key: 'phone',
    ours: 'query($key: String!) { neighbourhood(kind: "phone", value: $key, hops: 2, limit: 100) { truncated nodes { id hub } edges { source target kind } } }',
    peer: `query($key: String!) { phoneNumbers(where: { e164: { eq: $key } }) { e164
      callbackReports { ${NAMED_BY_REPORT} } callerIdReports { ${NAMED_BY_REPORT} } senderIdReports { ${NAMED_BY_REPORT} } } }`,
    // The peer has no node limit and no hubs: a neighbourhood cut at 100 nodes, or around a hub
    // number (drawn, not expanded), cannot be asked of it alike.
    comparable: ({ neighbourhood: n }) => !n.truncated && !n.nodes[0]?.hub,
    sameData: {
      ours: ({ neighbourhood: n }) => ({
        nodes: n.nodes.map((node: Data) => node['id']).sort(),
        edges: n.edges.map((edge: Data) => `${edge['source']}|${edge['kind']}|${edge['target']}`).sort(),
      }),
      peer: ({ phoneNumbers: [p] }) => peerNeighbourhood(p),
    },
  },
  {
    name: "a brand's callbackNumbers(first: 50)",
    key: 'brand',
    ours: 'query($key: String!) { brand(slug: $key) { slug callbackNumbers(first: 50) { totalCount edges { node { e164 } } } } }',
    peer: `query($key: String!) { brands(where: { slug: { eq: $key } }) { slug
      callbackNumbersConnection(first: 50, ${BY_REPORTS('e164')}) { totalCount edges { node { e164 } } } } }`,
    sameData: {
      ours: ({ brand: b }) => [b.slug, b.callbackNumbers.totalCount, nodes(b.callbackNumbers, (p) => p)],
      peer: ({ brands: [b] }) => [b.slug, b.callbackNumbersConnection.totalCount, nodes(b.callbackNumbersConnection, (p) => p)],
    },
  },
];

/**
 * Not an analyst query: `{ __typename }` touches no database, so its latency is each server's own
 * cost per request (HTTP, parsing, validation, plugins), the floor under the five above.
 */
export const SERVER_FLOOR_QUERY: AnalystQuery = {
  name: '{ __typename } (server floor, no database)',
  key: 'none',
  ours: '{ __typename }',
  peer: '{ __typename }',
  sameData: { ours: (data) => data, peer: (data) => data },
};
