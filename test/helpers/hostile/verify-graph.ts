// The graph before and after the hostile suite: outside what this run's accepted writes reach,
// nothing may be deleted, and nothing new or changed may carry the run's marker or a hostile value.
import type { Driver } from 'neo4j-driver';
import type { GraphSnapshot, SnapshotNode, SnapshotRel } from '../graph-snapshot.js';
import { CYPHER_VOCABULARY } from './judge.js';
import { asList, type Written } from './verify.js';

/** Written by other test files, not by graph mechanics: tolerated in a shared database. */
const OTHER_TESTS = { labels: new Set(['RuntimeProbe']), types: new Set(['PROBE_LINK']) };
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Compares the graph before and after the run. This run's footprint is what its accepted
 * writes reach: its reports and everything they point at (and those nodes' domains), its
 * brands with their aliases, its API keys, and the shared-infrastructure edges among them.
 * Outside it nothing may be deleted, and nothing new or changed may carry the run's marker,
 * a hostile value, or a label or type our Cypher does not use; inside it, every label,
 * relationship type and property key must be one our Cypher uses.
 */
export async function verifyGraph(
  driver: Driver,
  before: GraphSnapshot,
  after: GraphSnapshot,
  written: Written,
  marker: string,
  hostileValues: readonly unknown[],
): Promise<{ problems: string[]; summary: string }> {
  const problems: string[] = [];
  const { labels, types, words } = CYPHER_VOCABULARY;
  const idsOf = (label: string, key: string, wanted: { has(value: string): boolean }) =>
    new Set([...after.nodes].filter(([, n]) => n.labels.includes(label) && wanted.has(String(n.props[key]))).map(([id]) => id));

  // The reports carrying this run's marker are exactly the ones answered as stored.
  const marked = [...after.nodes.values()].filter(
    (n) => n.labels.includes('Report') && (n.props['source'] === marker || String(n.props['externalId'] ?? '').startsWith(marker)),
  );
  const markedIds = new Set(marked.map((n) => String(n.props['id'])));
  for (const id of markedIds)
    if (!written.reports.has(id)) problems.push(`report ${id} carries the marker but no answer said it was stored`);
  for (const id of written.reports.keys())
    if (!markedIds.has(id)) problems.push(`report ${id} was answered as stored but is not in the graph`);
  for (const [id, name] of written.apiKeys) {
    const key = [...after.nodes.values()].find((n) => n.labels.includes('ApiKey') && n.props['id'] === id);
    if (key?.props['name'] !== name.trim()) problems.push(`api key ${id}: name stored ${JSON.stringify(key?.props['name'])?.slice(0, 80)}`);
  }

  const reports = idsOf('Report', 'id', { has: (id: string) => written.reports.has(id) || (written.reviewed?.has(id) ?? false) });
  const footprint = new Set([...reports, ...idsOf('Brand', 'slug', written.brands), ...idsOf('ApiKey', 'id', written.apiKeys)]);
  const rels = [...after.rels];
  for (const [, rel] of rels) if (reports.has(rel.start)) footprint.add(rel.end);
  for (const [, rel] of rels)
    if ((rel.type === 'ON_DOMAIN' || rel.type === 'AT_DOMAIN') && footprint.has(rel.start)) footprint.add(rel.end);
  for (const [, rel] of rels) if (rel.type === 'ALIAS_OF' && footprint.has(rel.end)) footprint.add(rel.start);
  const footprintRels = new Set(
    rels
      .filter(
        ([, rel]) =>
          reports.has(rel.start) ||
          (footprint.has(rel.start) &&
            footprint.has(rel.end) &&
            ['ON_DOMAIN', 'AT_DOMAIN', 'ALIAS_OF', 'CALLBACK_FOR', 'CALLBACK_WITH', 'DOMAIN_FOR'].includes(rel.type)),
      )
      .map(([id]) => id),
  );

  const needles = [
    marker,
    ...hostileValues
      .flatMap((value) => asList(value).slice(0, 3))
      .filter((value): value is string => typeof value === 'string' && value.length >= 8)
      .map((value) => JSON.stringify(value.slice(0, 64)).slice(1, -1)),
  ];
  const taint = (props: Record<string, unknown>) => {
    const text = JSON.stringify(props);
    return needles.find((needle) => text.includes(needle));
  };
  const show = (thing: SnapshotNode | SnapshotRel) => JSON.stringify(thing).slice(0, 200);

  for (const [id, node] of before.nodes) {
    const now = after.nodes.get(id);
    if ((!now || now.labels.join() !== node.labels.join()) && !node.labels.some((l) => OTHER_TESTS.labels.has(l)))
      problems.push(`node deleted: ${show(node)}`);
  }
  for (const [id, rel] of before.rels) {
    if (after.rels.has(id) || OTHER_TESTS.types.has(rel.type)) continue;
    // upsertBrand takes an alias over from the brand it pointed at: that edge goes, by design.
    if (rel.type === 'ALIAS_OF' && footprint.has(rel.start)) continue;
    problems.push(`relationship deleted: ${show(rel)}`);
  }
  let newInside = 0;
  let newOutside = 0;
  for (const [id, node] of after.nodes) {
    const old = before.nodes.get(id);
    const changed = !old || JSON.stringify(old) !== JSON.stringify(node);
    if (footprint.has(id)) {
      if (!old) newInside++;
      for (const label of node.labels) if (!labels.has(label)) problems.push(`label ${label} in this run's footprint: ${show(node)}`);
      for (const key of Object.keys(node.props))
        if (!words.has(key)) problems.push(`property ${key} in this run's footprint: ${show(node)}`);
    } else if (changed) {
      if (!old) newOutside++;
      const tainted = taint(node.props);
      if (tainted) problems.push(`node outside this run's footprint holds ${JSON.stringify(tainted)}: ${show(node)}`);
      for (const label of node.labels)
        if (!labels.has(label) && !OTHER_TESTS.labels.has(label)) problems.push(`unknown label ${label}: ${show(node)}`);
    }
  }
  let relsInside = 0;
  for (const [id, rel] of after.rels) {
    const old = before.rels.get(id);
    if (footprintRels.has(id)) {
      if (!old) relsInside++;
      if (!types.has(rel.type)) problems.push(`relationship type ${rel.type} in this run's footprint`);
      for (const key of Object.keys(rel.props)) if (!words.has(key)) problems.push(`relationship property ${key} in this run's footprint`);
    } else if (!old || JSON.stringify(old) !== JSON.stringify(rel)) {
      const tainted = taint(rel.props);
      if (tainted) problems.push(`relationship outside this run's footprint holds ${JSON.stringify(tainted)}: ${show(rel)}`);
      if (!types.has(rel.type) && !OTHER_TESTS.types.has(rel.type)) problems.push(`unknown relationship type ${rel.type}: ${show(rel)}`);
    }
  }
  // A hostile string that became a label, type or key would show as a token that is no identifier.
  for (const kind of ['labels', 'types', 'keys'] as const) {
    for (const token of after.tokens[kind]) {
      if (!before.tokens[kind].has(token) && !IDENTIFIER.test(token))
        problems.push(`new ${kind} token ${JSON.stringify(token).slice(0, 80)}`);
    }
  }
  // Touch the driver so a dead connection shows here, not as a silent pass.
  await driver.verifyConnectivity();
  return {
    problems,
    summary:
      `${before.nodes.size} → ${after.nodes.size} nodes, ${before.rels.size} → ${after.rels.size} relationships; ` +
      `this run wrote ${newInside} nodes and ${relsInside} relationships (${reports.size} reports, ${written.brands.size} brands, ` +
      `${written.apiKeys.size} API keys); other test files wrote ${newOutside} nodes meanwhile`,
  };
}
