import type { Core, NodeSingular } from 'cytoscape';
/** An edge as the layer draws it, and as the table and the browser test read it. */
export interface LayerEdge {
  readonly source: string;
  readonly target: string;
  readonly kind: string;
  readonly reports: number;
  /** Its line's width in model pixels (as Cytoscape's `width`: it grows and shrinks with the zoom). */
  readonly width: number;
  readonly colour: string;
}

/** As the stylesheet draws a line (graph-style.ts, `edge`) and a faded one (`.faded`). */
const OPACITY = 0.75;
const FADED_OPACITY = 0.12;

/**
 * The lines of a big drawing (graph-view.ts, MANY), drawn on a canvas of their own under Cytoscape's:
 * straight, arrowless and solid (a dashed bridge stays Cytoscape's). Cytoscape styles, boxes and paints
 * each edge as an element of its own; a 2,000-node campaign's 6,400 lines were 0.7 of its 1 s of drawing,
 * and a few strokes of this canvas draw them in milliseconds. Redrawn after each of Cytoscape's frames
 * (pan, zoom, a node dragged), from the nodes' positions then; a line to a faded node fades with it.
 */
export class EdgeLayer {
  private readonly canvas = document.createElement('canvas');
  private lines: { edge: LayerEdge; source: NodeSingular; target: NodeSingular }[] = [];

  constructor(
    private readonly cy: Core,
    container: HTMLElement,
  ) {
    Object.assign(this.canvas.style, { position: 'absolute', left: '0', top: '0', zIndex: '0', pointerEvents: 'none' });
    this.canvas.className = 'edge-layer';
    // Before Cytoscape's own canvases (their container is at z-index 0 too): painted under them.
    container.prepend(this.canvas);
    cy.on('render', () => this.paint());
  }

  /** The edges drawn here: every one whose two ends are drawn nodes. */
  get edges(): readonly LayerEdge[] {
    return this.lines.map((line) => line.edge);
  }

  /** Replaces the lines drawn ([] draws none). */
  set(edges: readonly LayerEdge[]): void {
    this.lines = edges.flatMap((edge) => {
      const [source, target] = [this.cy.$id(edge.source), this.cy.$id(edge.target)];
      return source.nonempty() && target.nonempty() ? [{ edge, source, target }] : [];
    });
  }

  private paint(): void {
    const ratio = window.devicePixelRatio || 1;
    const [width, height] = [this.cy.width(), this.cy.height()];
    if (this.canvas.width !== Math.round(width * ratio) || this.canvas.height !== Math.round(height * ratio)) {
      Object.assign(this.canvas, { width: Math.round(width * ratio), height: Math.round(height * ratio) });
      Object.assign(this.canvas.style, { width: `${width}px`, height: `${height}px` });
    }
    const context = this.canvas.getContext('2d');
    if (!context) return;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (this.lines.length === 0) return;
    const [zoom, pan] = [this.cy.zoom(), this.cy.pan()];
    context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * pan.x, ratio * pan.y);
    // One path per look (colour, width, faded or not): a stroke per line would cost what Cytoscape did.
    const paths = new Map<string, { colour: string; width: number; faded: boolean; path: Path2D }>();
    for (const { edge, source, target } of this.lines) {
      if (source.removed() || target.removed()) continue;
      const faded = source.hasClass('faded') || target.hasClass('faded');
      const look = `${edge.colour} ${edge.width} ${faded}`;
      const entry = paths.get(look) ?? { colour: edge.colour, width: edge.width, faded, path: new Path2D() };
      paths.set(look, entry);
      const [from, to] = [source.position(), target.position()];
      entry.path.moveTo(from.x, from.y);
      entry.path.lineTo(to.x, to.y);
    }
    for (const { colour, width, faded, path } of paths.values()) {
      context.globalAlpha = faded ? FADED_OPACITY : OPACITY;
      context.strokeStyle = colour;
      context.lineWidth = width;
      context.stroke(path);
    }
  }
}
