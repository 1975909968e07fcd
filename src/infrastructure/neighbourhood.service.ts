import type { GraphExecutor, Row } from '../graph/executor.js';
import { DRAWN_PROPERTIES, drawnNode, type DrawnNode } from './graph-node.js';

export interface DrawnEdge {
  readonly source: string;
  readonly target: string;
  readonly kind: string;
}

export interface Neighbourhood {
  readonly nodes: DrawnNode[];
  readonly edges: DrawnEdge[];
  /** True when the node limit stopped the expansion early. */
  readonly truncated: boolean;
}

export interface StartNode {
  readonly kind: string;
  readonly key: string;
  /** Wallet chain or bank scheme; null for other kinds. */
  readonly qualifier: string | null;
}

export interface NeighbourhoodSettings {
  /** Nodes with more relationships than this are drawn but not expanded. */
  readonly hubDegree: number;
}

/**
 * Breadth-first, one round trip per hop, the start node found in the first: each hop expands
 * only the non-hub nodes found by the one before, keeps nodes in order of their report counts up
 * to `limit`, and every edge whose two ends are kept.
 */
export class NeighbourhoodService {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly settings: NeighbourhoodSettings,
  ) {}

  async around(start: StartNode, hops: number, limit: number): Promise<Neighbourhood> {
    const nodes = new Map<string, DrawnNode>();
    const edges = new Map<string, DrawnEdge>();
    let truncated = false;
    let frontier: string[] = [];
    for (let hop = 0; hop < hops && (hop === 0 || frontier.length > 0); hop++) {
      const rows = await this.graph.read('reads/neighbourhood-expand', {
        start: hop === 0 ? start : null,
        frontier,
        drawn: DRAWN_PROPERTIES,
        hubDegree: this.settings.hubDegree,
        rowLimit: limit * this.settings.hubDegree,
      });
      const next: string[] = [];
      for (const row of rows) {
        const id = row['id'] as string;
        if (row['source'] === null) {
          nodes.set(id, this.draw(row)); // the start node: expanded by this very hop
          continue;
        }
        if (!nodes.has(id)) {
          if (nodes.size >= limit) {
            truncated = true;
            continue;
          }
          const node = this.draw(row);
          nodes.set(id, node);
          if (!node.hub) next.push(id);
        }
        const [source, target] = [nodes.get(row['source'] as string), nodes.get(row['target'] as string)];
        if (source && target) edges.set(`${source.id}|${target.id}|${String(row['kind'])}`, { source: source.id, target: target.id, kind: row['kind'] as string });
      }
      frontier = next;
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
  }

  private draw(row: Row): DrawnNode {
    const properties = Object.fromEntries(row['properties'] as [string, unknown][]);
    return drawnNode(row['label'] as string, properties, row['degree'] as number, this.settings.hubDegree);
  }
}
