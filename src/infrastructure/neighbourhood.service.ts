import { z } from 'zod';
import type { GraphExecutor } from '../graph/executor.js';
import { DRAWN_BY_LABEL, DRAWN_PROPERTIES, drawnNode, seenOf, type DrawnNode } from './graph-node.js';

/** What a node is drawn from: its element id, label, degree and drawn properties as [key, value] (graph-node.ts). */
export const DRAWN_ROW = z.object({
  id: z.string(),
  label: z.string(),
  degree: z.number(),
  properties: z.array(z.tuple([z.string(), z.unknown()])),
});
export type DrawnRow = z.infer<typeof DRAWN_ROW>;

/** A row of reads/neighbourhood-expand: a node and the relationship it was reached by; the start's source, target and kind null. */
const EXPAND_ROW = DRAWN_ROW.extend({
  hop: z.number(),
  source: z.string().nullable(),
  target: z.string().nullable(),
  kind: z.string().nullable(),
});
type ExpandRow = z.infer<typeof EXPAND_ROW>;

export interface DrawnEdge {
  readonly source: string;
  readonly target: string;
  readonly kind: string;
}

export interface Neighbourhood {
  readonly nodes: DrawnNode[];
  readonly edges: DrawnEdge[];
  /** True when anything was left out: the node limit stopped the expansion, or a drawn hub has more than it shows. */
  readonly truncated: boolean;
}

export interface StartNode {
  readonly kind: string;
  readonly key: string;
  /** Wallet chain or bank scheme; null for other kinds. */
  readonly qualifier: string | null;
}

interface Drawing {
  readonly nodes: Map<string, DrawnNode>;
  readonly edges: Map<string, DrawnEdge>;
  truncated: boolean;
  readonly limit: number;
}

/** A hub drawn with fewer edges than its degree: its other neighbours were left out, whatever the node limit. */
function hidesMore(nodes: Iterable<DrawnNode>, edges: readonly DrawnEdge[]): boolean {
  const drawnEdges = new Map<string, number>();
  for (const edge of edges) for (const end of [edge.source, edge.target]) drawnEdges.set(end, (drawnEdges.get(end) ?? 0) + 1);
  for (const node of nodes) if (node.hub && node.degree > (drawnEdges.get(node.id) ?? 0)) return true;
  return false;
}

export interface NeighbourhoodSettings {
  /** Nodes with more relationships than this are drawn but not expanded. */
  readonly hubDegree: number;
}

/**
 * Breadth-first: each hop expands only the non-hub nodes found by the one before, keeps nodes in
 * order of their report counts up to `limit`, and every edge whose two ends are kept. The start
 * node and the first two hops come in one round trip; a third hop takes one more.
 */
export class NeighbourhoodService {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly settings: NeighbourhoodSettings,
  ) {}

  get hubDegree(): number {
    return this.settings.hubDegree;
  }

  async around(start: StartNode, hops: number, limit: number): Promise<Neighbourhood> {
    const drawing: Drawing = { nodes: new Map(), edges: new Map(), truncated: false, limit };
    let frontier: string[] = [];
    for (let hop = 0; hop < hops && (hop === 0 || frontier.length > 0);) {
      const twoHops = hop === 0 && hops >= 2;
      const rows = await this.graph.readAs('reads/neighbourhood-expand', EXPAND_ROW, {
        start: hop === 0 ? start : null,
        frontier,
        twoHops,
        room: limit - 1,
        drawn: DRAWN_BY_LABEL,
        hubDegree: this.settings.hubDegree,
        expandStart: hop === 0,
        rowLimit: limit * this.settings.hubDegree,
      });
      frontier = this.add(
        drawing,
        rows.filter((row) => row.hop === 1),
      );
      if (twoHops)
        frontier = this.add(
          drawing,
          rows.filter((row) => row.hop === 2),
        );
      hop += twoHops ? 2 : 1;
    }
    const edges = [...drawing.edges.values()];
    return { nodes: [...drawing.nodes.values()], edges, truncated: drawing.truncated || hidesMore(drawing.nodes.values(), edges) };
  }

  /** The start node alone (its element id and drawing), or null: a statement of its own, quick to plan (reads/look-up-node). */
  async lookUp(
    start: StartNode,
  ): Promise<{ elementId: string; node: DrawnNode; reportCount: number; seen: ReturnType<typeof seenOf> } | null> {
    const [row] = await this.graph.readAs('reads/look-up-node', DRAWN_ROW, { start, drawn: DRAWN_PROPERTIES });
    if (!row) return null;
    const reportCount = row.properties.find(([key]) => key === 'reportCount')?.[1];
    const seen = seenOf(Object.fromEntries(row.properties));
    return { elementId: row.id, node: this.draw(row), reportCount: typeof reportCount === 'number' ? reportCount : 0, seen };
  }

  /** One hop's rows into the drawing; returns the nodes the next hop expands (new, not hubs). */
  private add(drawing: Drawing, rows: readonly ExpandRow[]): string[] {
    const next: string[] = [];
    for (const row of rows) {
      const id = row.id;
      if (row.source === null) {
        drawing.nodes.set(id, this.draw(row)); // the start node, expanded by this very round trip
        continue;
      }
      if (!drawing.nodes.has(id)) {
        if (drawing.nodes.size >= drawing.limit) {
          drawing.truncated = true;
          continue;
        }
        const node = this.draw(row);
        drawing.nodes.set(id, node);
        if (!node.hub) next.push(id);
      }
      const [source, target] = [drawing.nodes.get(row.source), row.target === null ? undefined : drawing.nodes.get(row.target)];
      // A row with a source came by a relationship, so it has a kind too.
      if (source && target && row.kind !== null)
        drawing.edges.set(`${source.id}|${target.id}|${row.kind}`, {
          source: source.id,
          target: target.id,
          kind: row.kind,
        });
    }
    return next;
  }

  draw(row: DrawnRow): DrawnNode {
    const properties = Object.fromEntries(row.properties);
    return drawnNode(row.label, properties, row.degree, this.settings.hubDegree);
  }
}
