/** A community as a labeller left it: its label and its evidence (the sum of its members' link weights). */
export interface Community {
  readonly label: string;
  readonly evidence: number;
}

/** The weight of the links between two communities. */
export interface Tie {
  readonly a: string;
  readonly b: string;
  readonly weight: number;
}

/** The shares of evidence a tie must carry for two communities to join (detection-parameters.ts). */
export interface MergeShares {
  /** Of the community's own evidence, for its strongest tie. */
  readonly strongest: number;
  /** Of both communities' evidence (the larger's), for any tie. */
  readonly mutual: number;
}

/**
 * Joins communities that are one operation cut apart, two ways:
 *   (1) each community joins the neighbour it is tied to most strongly, when that tie carries at
 *       least `strongest` of its own evidence: a leaf (a per-victim link, a number named once) joins
 *       the side it is tied to most, and only that one, so a leaf a bridge report names glues nothing;
 *   (2) two communities join when their tie carries at least `mutual` of the evidence of each: sparse
 *       operations (a few reports, each naming two or three indicators) hold together, while two dense
 *       operations tied by a bridge report stay apart, the bridge being a small share of either.
 * Answers the labels that change (old -> new), each joined group under its smallest label, so the
 * result does not depend on the order of the rows.
 */
export function mergeCommunities(communities: readonly Community[], ties: readonly Tie[], shares: MergeShares): Record<string, string> {
  const changes: Record<string, string> = {};
  let [level, levelTies] = [communities, ties];
  // Rounds on the joined communities, their evidence and ties summed: leaves that joined one another
  // first (a report's several wallets) are judged again as the group they made.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const joined = mergeOnce(level, levelTies, shares);
    if (Object.keys(joined).length === 0) break;
    for (const [label, into] of Object.entries(joined)) changes[label] = into;
    for (const [label, into] of Object.entries(changes)) changes[label] = joined[into] ?? into;
    const root = (label: string) => joined[label] ?? label;
    const evidence = new Map<string, number>();
    for (const { label, evidence: own } of level) evidence.set(root(label), (evidence.get(root(label)) ?? 0) + own);
    const summed = new Map<string, Tie>();
    for (const { a, b, weight } of levelTies) {
      const [x, y] = [root(a), root(b)].sort() as [string, string];
      if (x === y) continue;
      const key = `${x}\u0000${y}`;
      summed.set(key, { a: x, b: y, weight: (summed.get(key)?.weight ?? 0) + weight });
    }
    level = [...evidence].map(([label, total]) => ({ label, evidence: total }));
    levelTies = [...summed.values()];
  }
  return changes;
}

/** Joining is settled within a few rounds; the bound only keeps a pathological graph from looping long. */
const MAX_ROUNDS = 10;

/** One round of the two rules over one level of communities: label -> the smallest label of its group. */
function mergeOnce(communities: readonly Community[], ties: readonly Tie[], shares: MergeShares): Record<string, string> {
  const evidence = new Map(communities.map((community) => [community.label, community.evidence]));
  const strongest = new Map<string, { label: string; weight: number }>();
  const offer = (from: string, to: string, weight: number) => {
    const best = strongest.get(from);
    if (!best || weight > best.weight || (weight === best.weight && to < best.label)) strongest.set(from, { label: to, weight });
  };
  for (const { a, b, weight } of ties) {
    offer(a, b, weight);
    offer(b, a, weight);
  }
  const parent = new Map<string, string>();
  const find = (label: string): string => {
    let root = label;
    while (parent.has(root)) root = parent.get(root) as string;
    for (let at = label; at !== root;) {
      const next = parent.get(at) as string;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const join = (a: string, b: string) => {
    const [x, y] = [find(a), find(b)];
    if (x !== y) parent.set(x < y ? y : x, x < y ? x : y);
  };
  for (const { label, evidence: own } of communities) {
    const best = strongest.get(label);
    if (best && best.weight >= shares.strongest * own) join(label, best.label);
  }
  for (const { a, b, weight } of ties) {
    if (weight >= shares.mutual * Math.max(evidence.get(a) ?? Infinity, evidence.get(b) ?? Infinity)) join(a, b);
  }
  const changes: Record<string, string> = {};
  for (const { label } of communities) {
    const root = find(label);
    if (root !== label) changes[label] = root;
  }
  return changes;
}
