import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { h, show } from './dom.js';
import { groupPage, summary, type FoldedGroup, type Picture, type SummaryEdge, type SummaryNode } from './graph-data.js';
import { EdgeLayer, type LayerEdge } from './edge-layer.js';
import { EDGE_ROLES, GRAPH_STYLE, NODE_KINDS, OTHER_EDGE } from './graph-style.js';
import { fromNodeId, isIndicatorKind, searchHref } from './indicator.js';
import { kindLayers, kindRings } from './kind-layout.js';
import { nodeLabels } from './labels.js';
import type { TimeRange } from './timeline.js';

/** What is drawn, read back from Cytoscape itself, with page coordinates to click: the browser test reads it. */
export interface DrawnGraph {
  readonly nodes: {
    id: string;
    kind: string;
    hub: boolean;
    official: boolean;
    label: string;
    classes: string[];
    x: number;
    y: number;
    w: number;
    h: number;
  }[];
  readonly edges: { source: string; target: string; kind: string; lineStyle: string; colour: string; width: number }[];
  readonly drawMs: number;
}
declare global {
  interface Window {
    explorerGraph?: () => DrawnGraph;
  }
}

const EXPAND_LIMIT = 20;
const GROUP_PAGE = 20;
const MAX_FIT_ZOOM = 1.4;
const PAINT_WAIT_MS = 2_000;
const FIT_PADDING = 30;
/**
 * Past this many nodes a drawing is big: the fit counts node positions alone (labels and lines too up
 * to it: exact, and quick enough), and its lines are drawn straight on a layer of their own (edge-layer.ts).
 */
const MANY = 300;
/**
 * A big drawing's labels are left out below this zoom: 12 px text is under the stylesheet's least
 * (7 px, min-zoomed-font-size) there, so they would not be drawn, but Cytoscape still measured every
 * one and boxed it, each frame's bounding boxes with them. Zooming in past it brings them back.
 */
const LABEL_ZOOM = 7 / 12;
/**
 * The graph on the page: one at a time. A page replaced by the next route leaves its Cytoscape alive
 * (its render loop, its window listeners, every element) unless destroyed: after a few 2,000-node
 * campaigns the next one drew in 3 s instead of 1.
 */
let current: Core | null = null;
const edgeId = (edge: { source: string; target: string; kind: string }) => `${edge.source}|${edge.target}|${edge.kind}`;
const width = (reports: number) => Math.min(12, 1 + 2 * Math.log2(1 + reports));
const plural = (count: number, kind: string) => `${count} more ${NODE_KINDS[kind]?.name ?? kind}${count === 1 ? '' : 's'}`;

function nodeData(node: SummaryNode): Record<string, unknown> {
  const { short, full } = nodeLabels(node.kind, node.label);
  const evidence =
    node.sharedReports === null
      ? `${node.reportCount} reports`
      : `${node.sharedReports} shared reports on ${node.days ?? '?'} days, ${node.reportCount} in all`;
  const marks = [node.hub ? 'hub' : '', node.official ? 'official channel of a brand: the real one, spoofed or named' : '']
    .filter(Boolean)
    .join('; ');
  return {
    ...node,
    short: node.official ? `${short} ✓official` : short,
    full,
    title: `${full} (${NODE_KINDS[node.kind]?.name ?? node.kind}): ${evidence}${marks ? `; ${marks}` : ''}`,
  };
}

const groupData = (group: FoldedGroup): Record<string, unknown> => ({
  id: group.id,
  kind: 'group',
  groupKind: group.kind,
  around: group.around,
  count: group.count,
  after: group.after,
  hub: false,
  official: false,
  short: `+ ${plural(group.count, group.kind)}`,
  full: `+ ${plural(group.count, group.kind)}`,
  title: `${plural(group.count, group.kind)} around ${group.around}, sharing ${group.reports} reports in all: click for the next ${GROUP_PAGE}`,
});

/**
 * A Cytoscape graph with its legend, a line about the selected node, a tooltip with each node's
 * whole value and a table of the same nodes and edges (the text alternative, and the keyboard's
 * way in). Clicking a node merges in its strongest neighbours; a folded group gives its next page;
 * a hub is expanded only when asked.
 */
export class GraphView {
  readonly element: HTMLElement;
  private readonly canvas = h('div', {
    class: 'graph-canvas',
    'data-state': 'empty',
    role: 'img',
    'aria-label': 'Graph; the table below lists the same nodes and edges',
  });
  private readonly tooltip = h('div', { class: 'graph-tooltip', hidden: true });
  private readonly status = h('div', { class: 'graph-status', 'aria-live': 'polite' }, 'Click a node to expand it.');
  private readonly table = h('details', { class: 'graph-table' });
  private readonly cy: Core;
  private readonly edgeLayer: EdgeLayer;
  private pending = 0;
  /** A big drawing (MANY), and whether its labels are left out at the zoom it is shown at. */
  private many = false;
  private unlabelled = false;
  private drawMs = 0;
  /** Settles once the last drawing was painted: busy() says "ready" only then. */
  private painted: Promise<void> = Promise.resolve();
  /** Called when a campaign node (a bridge) is opened. */
  onCampaign: (id: string) => void = (id) => (location.hash = `#/campaign/${encodeURIComponent(id)}`);

  constructor(extra: HTMLElement | null = null) {
    this.element = h(
      'section',
      { class: 'graph' },
      h('div', { class: 'graph-frame' }, this.canvas, this.tooltip),
      this.status,
      extra,
      legend(),
      this.table,
    );
    current?.destroy();
    // 'preset': the canvas is not in the page yet, and the default grid layout cannot measure it.
    this.cy = current = cytoscape({
      container: this.canvas,
      style: GRAPH_STYLE,
      layout: { name: 'preset' },
      wheelSensitivity: 0.3,
      minZoom: 0.05,
      maxZoom: 3,
    });
    this.cy.on('tap', 'node', (event) => void this.open(event.target as NodeSingular));
    this.cy.on('mouseover', 'node', (event) => this.hover(event.target as NodeSingular));
    this.cy.on('mouseout', 'node', () => (this.tooltip.hidden = true));
    this.cy.on('zoom', () => this.labelsForZoom());
    // Before any drawing's own listener (draw): its lines are painted by the time a frame counts as drawn.
    this.edgeLayer = new EdgeLayer(this.cy, this.canvas);
    window.explorerGraph = () => this.drawn();
    this.table.addEventListener('toggle', () => (this.table as HTMLDetailsElement).open && this.refreshTable());
  }

  /** Runs `work` with the canvas marked data-state="loading", "ready" once nothing is pending: when drawing is done. */
  async busy<T>(work: () => Promise<T>): Promise<T> {
    this.pending++;
    this.canvas.dataset['state'] = 'loading';
    try {
      return await work();
    } finally {
      await this.painted;
      if (--this.pending === 0) {
        this.canvas.dataset['state'] = 'ready';
        performance.mark('scamgraph:ready');
      }
    }
  }

  /**
   * Replaces the drawing; `origin`, the node it was drawn around, is ringed and placed in the middle;
   * the nodes listed in `members` get the class of a campaign's member (drawn with it, not restyled after).
   */
  draw(picture: Picture, origin: string | null, extra: ElementDefinition[] = [], members: ReadonlySet<string> = new Set()): void {
    const began = performance.now();
    this.many = picture.nodes.length > MANY;
    this.unlabelled = this.many;
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.add(this.many ? { ...picture, edges: [] } : picture, undefined, members);
      if (origin) this.cy.$id(origin).addClass('origin');
    });
    this.edgeLayer.set(this.many ? picture.edges.map(layerEdge) : []);
    const added = this.cy.add(extra);
    if (!this.unlabelled) added.nodes().addClass('labelled');
    this.layout(origin);
    // Cytoscape paints on the next animation frame: drawing is done, and timed, when it has.
    this.painted = new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(fallback);
        this.drawMs = performance.measure('scamgraph:draw', { start: began }).duration;
        resolve();
      };
      // A canvas the browser does not paint (a background tab) must not hold the page at "loading".
      const fallback = setTimeout(done, PAINT_WAIT_MS);
      this.cy.one('render', done);
    });
    this.refreshTable();
    const folded = picture.groups.map((group) => plural(group.count, group.kind)).join(', ');
    show(
      this.status,
      picture.nodes.length === 0
        ? 'Nothing in the graph for this indicator.'
        : picture.truncated && folded
          ? `Drawn: the strongest ${picture.nodes.length}; folded: ${folded}. Click a “+ more” node for the next page.`
          : picture.truncated
            ? // A campaign's picture past its limit: no group to page, so say what was left out, not where to click.
              `Drawn: the strongest ${picture.nodes.length}, the picture's limit; the rest are left out.`
            : 'Click a node to expand it.',
    );
  }

  /**
   * Fades what no report named within `range` (by each node's first and last report) and the lines
   * to it; null shows everything again. Nodes without dates (folded groups, other campaigns) stay.
   */
  filterByTime(range: TimeRange | null): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('faded');
      if (!range) return;
      const outside = this.cy.nodes().filter((node) => {
        const [first, last] = [node.data('firstSeen'), node.data('lastSeen')] as (string | null | undefined)[];
        return (
          typeof first === 'string' &&
          typeof last === 'string' &&
          (Date.parse(last) < range.from.getTime() || Date.parse(first) > range.to.getTime())
        );
      });
      outside.addClass('faded');
      outside.connectedEdges().addClass('faded');
    });
    const faded = this.cy.nodes('.faded').length;
    show(
      this.status,
      range
        ? `${this.cy.nodes().length - faded} of ${this.cy.nodes().length} drawn were reported in the weeks chosen; ${faded} faded.`
        : 'Click a node to expand it.',
    );
  }

  /** Adds what is not drawn yet; answers the new nodes. Folded groups become "+ N more" nodes. */
  private add(
    picture: Pick<Picture, 'nodes' | 'edges'> & { groups?: readonly FoldedGroup[] },
    near?: { x: number; y: number },
    members: ReadonlySet<string> = new Set(),
  ): cytoscape.NodeCollection {
    // Keyed by id: merged answers repeat nodes and edges, and Cytoscape refuses a duplicate id.
    const nodes = new Map(picture.nodes.filter((node) => this.cy.$id(node.id).empty()).map((node) => [node.id, node]));
    const edges = new Map(picture.edges.map((edge) => [edgeId(edge), edge] as const).filter(([id]) => this.cy.$id(id).empty()));
    const groups = (picture.groups ?? []).filter((group) => this.cy.$id(group.id).empty());
    const labelled = this.unlabelled ? '' : 'labelled';
    const nodeClasses = (id: string) => `${members.has(id) ? 'member' : ''} ${labelled}`.trim();
    const jitter = () => Math.random() * 60 - 30;
    const at = near ? { position: { x: near.x + jitter(), y: near.y + jitter() } } : {};
    const added = this.cy.add([
      ...[...nodes.values()].map((node): ElementDefinition => ({
        group: 'nodes',
        data: nodeData(node),
        classes: nodeClasses(node.id),
        ...at,
      })),
      ...[...edges].map(([id, edge]): ElementDefinition => ({ group: 'edges', data: edgeData(id, edge) })),
      ...groups.flatMap((group): ElementDefinition[] => [
        { group: 'nodes', data: groupData(group), classes: labelled, ...at },
        { group: 'edges', data: { id: `${group.id}|edge`, source: group.around, target: group.id, kind: 'FOLDED' } },
      ]),
    ]);
    return added.nodes();
  }

  /**
   * Around a node searched for: kinds on rings around it, strongest nearest. A campaign (no centre):
   * kinds in bands, hubs, official channels and other campaigns in a band of their own below.
   */
  private layout(centre: string | null): void {
    // The canvas may have been sized (or attached) since Cytoscape last measured it.
    this.cy.resize();
    const nodes = this.cy.nodes();
    const placed = nodes.map((node) => ({
      id: node.id(),
      kind: kindOf(node),
      strength: (node.data('sharedReports') as number | null) ?? (node.data('reportCount') as number | undefined) ?? 0,
    }));
    const apart = (kinds: readonly string[], marked: boolean) =>
      new Set(
        nodes
          .filter(
            (node) =>
              kinds.includes(node.data('kind') as string) || (marked && (node.data('hub') === true || node.data('official') === true)),
          )
          .map((node) => node.id()),
      );
    const positions = centre
      ? kindRings(centre, placed, apart(['group', 'campaign'], false))
      : kindLayers(
          placed,
          [
            ...this.cy.edges().map((edge) => ({ source: edge.data('source') as string, target: edge.data('target') as string })),
            ...this.edgeLayer.edges,
          ],
          apart(['campaign'], true),
        );
    this.cy.batch(() => nodes.positions((node: NodeSingular) => positions.get(node.id()) ?? { x: 0, y: 0 }));
    // A big drawing's box from the positions just computed: asking Cytoscape for it styled every node
    // first (a third of a second for 2,000), which the first paint does anyway.
    this.fit(
      nodes.length > MANY ? boxOf(nodes.map((node) => positions.get(node.id()) ?? { x: 0, y: 0 })) : this.cy.elements().boundingBox(),
    );
  }

  /** Leaves a big drawing's labels out while the zoom is too small to draw them (LABEL_ZOOM); brings them back past it. */
  private labelsForZoom(): void {
    const unlabelled = this.many && this.cy.zoom() < LABEL_ZOOM;
    if (unlabelled === this.unlabelled) return;
    this.unlabelled = unlabelled;
    this.cy.batch(() => (unlabelled ? this.cy.nodes().removeClass('labelled') : this.cy.nodes().addClass('labelled')));
  }

  /**
   * Fits `box` (model coordinates) to the canvas with a margin, no closer than MAX_FIT_ZOOM (a handful
   * of nodes would be drawn huge). A big drawing is fitted by its nodes alone: Cytoscape's own fit
   * measured every label and every curve first, 1.7 of a 2,000-node campaign's 2.4 s of drawing,
   * for labels too small at that zoom to be drawn at all.
   */
  private fit(box: { x1: number; y1: number; w: number; h: number }): void {
    const [width, height] = [this.cy.width(), this.cy.height()];
    const zoom = Math.min(MAX_FIT_ZOOM, (width - 2 * FIT_PADDING) / Math.max(box.w, 1), (height - 2 * FIT_PADDING) / Math.max(box.h, 1));
    const pan = { x: width / 2 - zoom * (box.x1 + box.w / 2), y: height / 2 - zoom * (box.y1 + box.h / 2) };
    this.cy.viewport({ zoom: Math.max(zoom, this.cy.minZoom()), pan });
  }

  private async open(node: NodeSingular): Promise<void> {
    const data = node.data() as SummaryNode & { groupKind?: string };
    if (data.kind === 'group') return this.nextPage(node);
    if (data.kind === 'campaign') return this.onCampaign(data.id.replace(/^campaign:/, ''));
    const search = isIndicatorKind(data.kind) ? h('a', { href: searchHref(fromNodeId(data.id)) }, 'search this') : null;
    if (data.hub && !node.hasClass('asked')) {
      const expand = h(
        'button',
        { type: 'button', class: 'link', onclick: () => (node.addClass('asked'), void this.open(node)) },
        'expand it anyway',
      );
      show(
        this.status,
        `${node.data('full') as string} is a hub${data.degree > 0 ? ` (${data.degree} relationships)` : ''}: drawn, not expanded. `,
        expand,
        ' ',
        search,
      );
      return;
    }
    show(this.status, `Expanding ${node.data('full') as string}…`);
    try {
      const { picture, added } = await this.busy(async () => {
        const picture = await summary(data.kind, fromNodeId(data.id).value, EXPAND_LIMIT);
        return { picture, added: this.merge(picture, node) };
      });
      const folded = picture.groups.map((group) => plural(group.count, group.kind)).join(', ');
      show(this.status, `${node.data('full') as string}: ${added} new nodes${folded ? `; folded: ${folded}` : ''}. `, search);
    } catch (error) {
      show(this.status, `Could not expand ${data.label}: ${(error as Error).message}`);
    }
  }

  /** A folded group's next page, merged in beside it; the group shrinks by what was drawn, and goes once empty. */
  private async nextPage(group: NodeSingular): Promise<void> {
    const around = group.data('around') as string;
    const kind = group.data('groupKind') as string;
    try {
      const { page, added } = await this.busy(async () => {
        const page = await groupPage(
          fromNodeId(around).kind,
          fromNodeId(around).value,
          kind,
          GROUP_PAGE,
          group.data('after') as string | null,
        );
        return { page, added: page ? this.merge({ nodes: page.nodes, edges: page.edges, groups: [], truncated: false }, group) : 0 };
      });
      if (!page) return;
      // The page began past what was drawn, so all of it came out of the group (an expansion may have drawn some already).
      const left = (group.data('count') as number) - page.nodes.length;
      if (!page.pageInfo.hasNextPage || left <= 0) group.remove();
      else group.data({ after: page.pageInfo.endCursor, count: left, short: `+ ${plural(left, kind)}`, full: `+ ${plural(left, kind)}` });
      show(this.status, `${plural(added, kind)} drawn; ${Math.max(left, 0)} still folded.`);
      this.refreshTable();
    } catch (error) {
      show(this.status, `Could not page the group: ${(error as Error).message}`);
    }
  }

  /** Merges `picture` in beside `near`; answers how many nodes (folded groups aside) were new. */
  private merge(picture: Picture, near: NodeSingular): number {
    const fresh = this.add(picture, near.position());
    // Only the new nodes move, on a ring around the node opened: what the analyst was looking at stays where it was.
    if (fresh.length > 0) {
      fresh
        .layout({
          name: 'concentric',
          animate: false,
          fit: false,
          boundingBox: around(near.position(), 140 + 12 * fresh.length),
          minNodeSpacing: 40,
        } as cytoscape.LayoutOptions)
        .run();
    }
    this.refreshTable();
    return fresh.filter((node) => node.data('kind') !== 'group').length;
  }

  private hover(node: NodeSingular): void {
    const { x, y } = node.renderedPosition();
    this.tooltip.textContent = node.data('title') as string;
    this.tooltip.style.left = `${x + 12}px`;
    this.tooltip.style.top = `${y + 12}px`;
    this.tooltip.hidden = false;
  }

  /**
   * The text alternative: every node and edge drawn, as a table; a node's button opens it like a click.
   * Its rows are made when it is open (or opened: the toggle listener): 9,000 rows of a 2,000-node
   * campaign nobody has opened yet took an eighth of a second before the first paint.
   */
  private refreshTable(): void {
    const nodes = this.cy.nodes();
    const edges = this.allEdges();
    const caption = h('summary', {}, `Table of the ${nodes.length} nodes and ${edges.length} edges`);
    if (!(this.table as HTMLDetailsElement).open) {
      show(this.table, caption);
      return;
    }
    const nodeRows = nodes.map((node) =>
      h(
        'tr',
        {},
        h(
          'td',
          {},
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => (this.cy.$(':selected').unselect(), node.select(), void this.open(node)) },
            node.data('full') as string,
          ),
        ),
        h('td', {}, NODE_KINDS[node.data('kind') as string]?.name ?? (node.data('kind') as string)),
        h(
          'td',
          {},
          [node.data('hub') ? 'hub' : '', node.data('official') ? 'official' : '', node.hasClass('member') ? 'member' : '']
            .filter(Boolean)
            .join(', '),
        ),
        h('td', {}, String(node.data('sharedReports') ?? node.data('reportCount') ?? node.data('count') ?? '')),
      ),
    );
    const full = (id: string) => this.cy.$id(id).data('full') as string;
    const edgeRows = edges.map((edge) =>
      h(
        'tr',
        {},
        h('td', {}, full(edge.source)),
        h('td', {}, full(edge.target)),
        h('td', {}, EDGE_ROLES[edge.kind]?.name ?? edge.kind),
        h('td', {}, String(edge.reports ?? '')),
      ),
    );
    show(
      this.table,
      caption,
      h(
        'table',
        {},
        h('caption', {}, 'Nodes'),
        h('thead', {}, h('tr', {}, h('th', {}, 'value'), h('th', {}, 'kind'), h('th', {}, 'marks'), h('th', {}, 'reports'))),
        h('tbody', {}, ...nodeRows),
      ),
      h(
        'table',
        {},
        h('caption', {}, 'Edges'),
        h('thead', {}, h('tr', {}, h('th', {}, 'from'), h('th', {}, 'to'), h('th', {}, 'kind'), h('th', {}, 'reports'))),
        h('tbody', {}, ...edgeRows),
      ),
    );
  }

  /** Every edge drawn, Cytoscape's and the edge layer's, as the table lists them. */
  private allEdges(): { source: string; target: string; kind: string; reports: number | undefined }[] {
    return [
      ...this.cy.edges().map((edge) => ({
        source: edge.data('source') as string,
        target: edge.data('target') as string,
        kind: edge.data('kind') as string,
        reports: edge.data('reports') as number | undefined,
      })),
      ...this.edgeLayer.edges,
    ];
  }

  private drawn(): DrawnGraph {
    const box = this.canvas.getBoundingClientRect();
    return {
      nodes: this.cy.nodes().map((node) => {
        const label = node.boundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false } as never);
        const zoom = this.cy.zoom();
        return {
          id: node.id(),
          kind: node.data('kind') as string,
          hub: node.data('hub') as boolean,
          official: node.data('official') === true,
          label: node.data('short') as string,
          classes: node.classes(),
          x: box.left + node.renderedPosition().x,
          y: box.top + node.renderedPosition().y,
          w: label.w * zoom,
          h: label.h * zoom,
        };
      }),
      edges: [
        ...this.cy.edges().map((edge) => ({
          source: edge.data('source') as string,
          target: edge.data('target') as string,
          kind: edge.data('kind') as string,
          lineStyle: edge.style('line-style') as string,
          colour: edge.style('line-color') as string,
          width: parseFloat(edge.style('width') as string),
        })),
        ...this.edgeLayer.edges.map(({ source, target, kind, colour, width }) => ({
          source,
          target,
          kind,
          lineStyle: 'solid',
          colour,
          width,
        })),
      ],
      drawMs: this.drawMs,
    };
  }
}

function edgeData(
  id: string,
  edge: SummaryEdge | { source: string; target: string; kind: string; reports?: number },
): Record<string, unknown> {
  const reports = 'reports' in edge && typeof edge.reports === 'number' ? edge.reports : undefined;
  return { id, ...edge, ...(reports === undefined ? {} : { width: width(reports) }) };
}

/** Kind for the layout's sectors: a group sits in the sector of the kind it folds. */
const kindOf = (node: NodeSingular) => (node.data('groupKind') as string | undefined) ?? (node.data('kind') as string);
const around = (p: { x: number; y: number }, r: number) => ({ x1: p.x - r, y1: p.y - r, x2: p.x + r, y2: p.y + r });

/** The box around points, padded by a node's half width so the outermost are drawn whole. */
function boxOf(points: readonly { x: number; y: number }[]): { x1: number; y1: number; w: number; h: number } {
  const pad = 20;
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const [x1, y1] = [Math.min(...xs) - pad, Math.min(...ys) - pad];
  return { x1, y1, w: Math.max(...xs) + pad - x1, h: Math.max(...ys) + pad - y1 };
}

export const bridgeEdge = edgeData;

/** A line of the edge layer, coloured and as wide as the stylesheet would draw it (`edge[kind = ...]`, `edge[width]`). */
const layerEdge = (edge: SummaryEdge): LayerEdge => ({
  ...edge,
  colour: EDGE_ROLES[edge.kind]?.colour ?? OTHER_EDGE.colour,
  width: width(edge.reports),
});

function legend(): HTMLElement {
  const nodeRows = Object.entries(NODE_KINDS).map(([, { colour, name }]) =>
    h('li', {}, h('span', { class: 'swatch', style: `background:${colour}` }), name),
  );
  const edgeRows = Object.entries(EDGE_ROLES).map(([, { colour, style, width, name }]) =>
    h('li', {}, h('span', { class: 'line', style: `border-top:${width}px ${style} ${colour}` }), name),
  );
  return h(
    'aside',
    { class: 'legend' },
    h(
      'ul',
      {},
      ...nodeRows,
      h('li', {}, h('span', { class: 'swatch hub' }), 'hub (not expanded unless asked)'),
      h('li', {}, h('span', { class: 'swatch official' }), 'official channel of a brand (the real one, spoofed or named)'),
    ),
    h('ul', {}, ...edgeRows),
  );
}
