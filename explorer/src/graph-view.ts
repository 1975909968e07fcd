import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { gql } from './api.js';
import { h, show } from './dom.js';
import { EDGE_ROLES, GRAPH_STYLE, NODE_KINDS } from './graph-style.js';
import { fromNodeId, isIndicatorKind, searchHref } from './indicator.js';

export interface GraphNode {
  readonly id: string;
  readonly kind: string;
  readonly label: string;
  readonly hub: boolean;
  readonly degree: number;
}
export interface GraphEdge {
  readonly source: string;
  readonly target: string;
  readonly kind: string;
}
export interface Subgraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly truncated: boolean;
}

export const SUBGRAPH_FIELDS = 'truncated nodes { id kind label hub degree } edges { source target kind }';

/** The API's neighbourhood of one node, as the page draws it. */
export async function neighbourhood(kind: string, value: string, hops: number, limit: number): Promise<Subgraph> {
  const query = `query Neighbourhood($kind: String!, $value: String!, $hops: Int!, $limit: Int!) {
    neighbourhood(kind: $kind, value: $value, hops: $hops, limit: $limit) { ${SUBGRAPH_FIELDS} } }`;
  return (await gql<{ neighbourhood: Subgraph }>(query, { kind, value, hops, limit })).neighbourhood;
}

/** What is drawn, read back from Cytoscape itself, with page coordinates to click: the browser test reads it. */
export interface DrawnGraph {
  readonly nodes: { id: string; kind: string; hub: boolean; classes: string[]; x: number; y: number }[];
  readonly edges: { source: string; target: string; kind: string; lineStyle: string; colour: string }[];
}
declare global {
  interface Window {
    explorerGraph?: () => DrawnGraph;
  }
}

const EXPAND_LIMIT = 60;
const edgeId = (edge: GraphEdge) => `${edge.source}|${edge.target}|${edge.kind}`;

/**
 * A Cytoscape graph with its legend and a line about the selected node. Clicking a node
 * expands it: its one-hop neighbourhood is merged in (hubs are drawn, never expanded).
 */
export class GraphView {
  readonly element: HTMLElement;
  private readonly canvas = h('div', { class: 'graph-canvas', 'data-state': 'empty' });
  private readonly status = h('div', { class: 'graph-status' }, 'Click a node to expand it.');
  private readonly cy: Core;
  private pending = 0;

  constructor() {
    this.element = h('section', { class: 'graph' }, this.canvas, this.status, legend());
    // 'preset': the canvas is not in the page yet, and the default grid layout cannot measure it.
    this.cy = cytoscape({ container: this.canvas, style: GRAPH_STYLE, layout: { name: 'preset' }, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
    this.cy.on('tap', 'node', (event) => void this.expand(event.target as NodeSingular));
    window.explorerGraph = () => this.drawn();
  }

  /** Runs `work` with the canvas marked data-state="loading", "ready" once nothing is pending: when drawing is done. */
  async busy<T>(work: () => Promise<T>): Promise<T> {
    this.pending++;
    this.canvas.dataset['state'] = 'loading';
    try {
      return await work();
    } finally {
      if (--this.pending === 0) this.canvas.dataset['state'] = 'ready';
    }
  }

  /** Replaces the drawing; `origin`, the node it was drawn around, is ringed. */
  draw(subgraph: Subgraph, origin: string | null): void {
    this.cy.elements().remove();
    this.add(subgraph);
    if (origin) this.cy.$id(origin).addClass('origin');
    this.layout(true);
    show(this.status, subgraph.nodes.length === 0 ? 'Nothing in the graph for this indicator.' : truncatedNote(subgraph, 'Click a node to expand it.'));
  }

  /** Adds what is not drawn yet, placed near `near`; answers how many nodes were new. */
  merge(subgraph: Subgraph, near: string | null = null): number {
    const position = near ? this.cy.$id(near).position() : undefined;
    const added = this.add(subgraph, position);
    if (added > 0) this.layout(false);
    return added;
  }

  /** Marks drawn nodes (a campaign's members) with a class of the stylesheet. */
  mark(ids: readonly string[], className: 'member'): void {
    for (const id of ids) this.cy.$id(id).addClass(className);
  }

  private add(subgraph: Subgraph, near?: { x: number; y: number }): number {
    // Keyed by id: merged answers repeat nodes and edges, and Cytoscape refuses a duplicate id.
    const nodes = new Map(subgraph.nodes.filter((node) => this.cy.$id(node.id).empty()).map((node) => [node.id, node]));
    const edges = new Map(subgraph.edges.map((edge) => [edgeId(edge), edge] as const).filter(([id]) => this.cy.$id(id).empty()));
    const jitter = () => Math.random() * 40 - 20;
    this.cy.add([
      ...[...nodes.values()].map((node): ElementDefinition => ({ group: 'nodes', data: { ...node }, ...(near ? { position: { x: near.x + jitter(), y: near.y + jitter() } } : {}) })),
      ...[...edges].map(([id, edge]): ElementDefinition => ({ group: 'edges', data: { id, ...edge } })),
    ]);
    return nodes.size;
  }

  private layout(fresh: boolean): void {
    // The canvas may have been sized (or attached) since Cytoscape last measured it.
    this.cy.resize();
    this.cy.layout({ name: 'cose', animate: false, randomize: fresh, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 60 }).run();
  }

  private async expand(node: NodeSingular): Promise<void> {
    const { id, kind, label, hub, degree } = node.data() as GraphNode;
    const search = isIndicatorKind(kind) ? h('a', { href: searchHref(fromNodeId(id)) }, 'search this') : null;
    if (hub) {
      show(this.status, `${label} is a hub (${degree} relationships): drawn, not expanded. `, search);
      return;
    }
    show(this.status, `Expanding ${label}…`);
    try {
      const { subgraph, added } = await this.busy(async () => {
        const subgraph = await neighbourhood(kind, fromNodeId(id).value, 1, EXPAND_LIMIT);
        return { subgraph, added: this.merge(subgraph, id) };
      });
      show(this.status, `${label} (${kind}, ${degree} relationships): ${added} new nodes. `, truncatedNote(subgraph, ''), ' ', search);
    } catch (error) {
      show(this.status, `Could not expand ${label}: ${(error as Error).message}`);
    }
  }

  private drawn(): DrawnGraph {
    const box = this.canvas.getBoundingClientRect();
    return {
      nodes: this.cy.nodes().map((node) => ({
        id: node.id(),
        kind: node.data('kind') as string,
        hub: node.data('hub') as boolean,
        classes: node.classes(),
        x: box.left + node.renderedPosition().x,
        y: box.top + node.renderedPosition().y,
      })),
      edges: this.cy.edges().map((edge) => ({
        source: edge.data('source') as string,
        target: edge.data('target') as string,
        kind: edge.data('kind') as string,
        lineStyle: edge.style('line-style') as string,
        colour: edge.style('line-color') as string,
      })),
    };
  }
}

const truncatedNote = (subgraph: Subgraph, otherwise: string) =>
  subgraph.truncated ? 'The node limit cut this neighbourhood short; click nodes to see more.' : otherwise;

function legend(): HTMLElement {
  const nodeRows = Object.entries(NODE_KINDS).map(([, { colour, name }]) => h('li', {}, h('span', { class: 'swatch', style: `background:${colour}` }), name));
  const edgeRows = Object.entries(EDGE_ROLES).map(([, { colour, style, width, name }]) =>
    h('li', {}, h('span', { class: 'line', style: `border-top:${width}px ${style} ${colour}` }), name),
  );
  return h('aside', { class: 'legend' }, h('ul', {}, ...nodeRows, h('li', {}, h('span', { class: 'swatch hub' }), 'hub (not expanded)')), h('ul', {}, ...edgeRows));
}
