/** A node to place: its kind, and how strongly it is tied to the centre (higher is closer). */
export interface Placed {
  readonly id: string;
  readonly kind: string;
  readonly strength: number;
}

/**
 * Rings are ellipses ASPECT times wider than tall: the canvas is wide and labels are wide, so a label
 * needs SPACING pixels from its neighbour where the ring runs across (top and bottom) and far less
 * where it runs down (the sides); radii are the vertical ones.
 */
const ASPECT = 1.8;
const SPACING = 130;
const RING_GAP = 60;
const FIRST_RING = 120;
/** The least sweep a kind gets, so one brand beside 39 domains still has a place of its own. */
const MIN_SHARE = 0.06;

/**
 * The centre in the middle and every other node on rings around it, each kind in a sector of its
 * own (sized by its count), strongest nearest the centre: kinds read as regions and the labels
 * keep their distance, however many nodes. Deterministic, linear in the nodes, no simulation:
 * a 2,000-node picture is placed in milliseconds. Nodes listed in `outer` (folded groups, other
 * campaigns) go just outside their kind's sector.
 */
export function kindRings(
  centre: string | null,
  nodes: readonly Placed[],
  outer: ReadonlySet<string> = new Set(),
): Map<string, { x: number; y: number }> {
  const positions = new Map<string, { x: number; y: number }>();
  const at = (radius: number, angle: number) => ({ x: ASPECT * radius * Math.cos(angle), y: radius * Math.sin(angle) });
  if (centre) positions.set(centre, { x: 0, y: 0 });
  const byKind = new Map<string, Placed[]>();
  for (const node of nodes) if (node.id !== centre) byKind.set(node.kind, [...(byKind.get(node.kind) ?? []), node]);
  const kinds = [...byKind].sort((a, b) => b[1].length - a[1].length);
  const total = Math.max(1, nodes.length - (centre ? 1 : 0));
  // Shares raised to the least are scaled back so that the sectors go round once, never overlap.
  const shares = kinds.map(([, members]) => Math.max(members.length / total, MIN_SHARE));
  const scale = (2 * Math.PI) / shares.reduce((sum, share) => sum + share, 0);
  let start = -Math.PI / 2;
  kinds.forEach(([, members], k) => {
    const sweep = (shares[k] as number) * scale;
    const inner = members.filter((node) => !outer.has(node.id)).sort((a, b) => b.strength - a.strength);
    let ring = 0;
    let placed = 0;
    while (placed < inner.length) {
      const radius = FIRST_RING + ring * RING_GAP;
      const capacity = Math.max(1, Math.floor((sweep * radius * ASPECT) / SPACING));
      const onRing = inner.slice(placed, placed + capacity);
      onRing.forEach((node, i) => {
        // Alternate rings shift by half a step, so labels of neighbouring rings do not line up.
        const angle = start + (sweep * (i + (ring % 2 ? 1 : 0.5))) / (onRing.length + (ring % 2 ? 1 : 0));
        positions.set(node.id, at(radius, angle));
      });
      placed += onRing.length;
      ring++;
    }
    const outerRadius = FIRST_RING + ring * RING_GAP + 20;
    members
      .filter((node) => outer.has(node.id))
      .forEach((node, i) => positions.set(node.id, at(outerRadius, start + sweep / 2 + i * 0.15)));
    start += sweep;
  });
  return positions;
}

/** Kinds top to bottom: what the scammers own (numbers, accounts), then where victims are sent, then the rest. */
const LAYER_ORDER = ['phone', 'email', 'bank_account', 'wallet', 'domain', 'url', 'brand', 'report'];
const COLUMN = 160;
const ROW = 46;
const LAYER_GAP = 40;

/**
 * A campaign in layers, one band of rows per kind (numbers on top, then accounts and wallets, sites,
 * links), with the nodes listed in `aside` (hubs, official channels, other campaigns) in a band of
 * their own below: kinds read as bands and what is not a member never sits among members. Within a
 * band a node goes under the mean column of its neighbours already placed (one barycentre pass),
 * strongest first when nothing is placed yet, so lines run mostly downwards. The width suits a wide
 * canvas (about twice as wide as tall); linear in nodes and edges, no simulation.
 */
export function kindLayers(
  nodes: readonly Placed[],
  edges: readonly { source: string; target: string }[],
  aside: ReadonlySet<string>,
): Map<string, { x: number; y: number }> {
  const columns = Math.max(6, Math.ceil(Math.sqrt(nodes.length * 0.8)));
  const neighbours = new Map<string, string[]>();
  for (const { source, target } of edges) {
    neighbours.set(source, [...(neighbours.get(source) ?? []), target]);
    neighbours.set(target, [...(neighbours.get(target) ?? []), source]);
  }
  // A kind not listed goes with the last listed; what is set aside goes below them all.
  const band = (node: Placed) =>
    aside.has(node.id) ? LAYER_ORDER.length : LAYER_ORDER.includes(node.kind) ? LAYER_ORDER.indexOf(node.kind) : LAYER_ORDER.length - 1;
  const bands = new Map<number, Placed[]>();
  for (const node of nodes) bands.set(band(node), [...(bands.get(band(node)) ?? []), node]);
  const positions = new Map<string, { x: number; y: number }>();
  let y = 0;
  for (const [index, members] of [...bands].sort((a, b) => a[0] - b[0])) {
    // Hubs and official channels carry longer labels ("… ✓official"): their band is spaced wider.
    const column = index === LAYER_ORDER.length ? COLUMN * 1.4 : COLUMN;
    const wanted = (node: Placed) => {
      const placed = (neighbours.get(node.id) ?? []).map((id) => positions.get(id)?.x).filter((x): x is number => x !== undefined);
      return placed.length > 0 ? placed.reduce((sum, x) => sum + x, 0) / placed.length : null;
    };
    // Strongest first picks the rows; within a row, order by where the neighbours above are.
    const ordered = [...members].sort((a, b) => b.strength - a.strength);
    for (let row = 0; row * columns < ordered.length; row++) {
      const onRow = ordered.slice(row * columns, (row + 1) * columns);
      const keyed = onRow.map((node, i) => ({ node, at: wanted(node) ?? i * column }));
      keyed.sort((a, b) => a.at - b.at);
      const offset = (columns * COLUMN - onRow.length * column) / 2;
      // Alternate rows shift by half a column, so long labels of rows one above the other do not meet.
      keyed.forEach(({ node }, i) => positions.set(node.id, { x: offset + i * column + (row % 2 ? column / 2 : 0), y }));
      y += ROW;
    }
    y += LAYER_GAP;
  }
  return positions;
}
