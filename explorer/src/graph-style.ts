import type { Css, StylesheetJson } from 'cytoscape';

/** Colour and shape per node kind: the legend and the stylesheet read the same table. */
export const NODE_KINDS: Readonly<Record<string, { readonly colour: string; readonly shape: Css.NodeShape; readonly name: string }>> = {
  phone: { colour: '#d9480f', shape: 'ellipse', name: 'phone number' },
  domain: { colour: '#1971c2', shape: 'round-rectangle', name: 'domain' },
  url: { colour: '#74c0fc', shape: 'rectangle', name: 'URL' },
  email: { colour: '#0ca678', shape: 'diamond', name: 'email address' },
  wallet: { colour: '#f59f00', shape: 'hexagon', name: 'crypto wallet' },
  bank_account: { colour: '#8f5a00', shape: 'barrel', name: 'bank account' },
  brand: { colour: '#7048e8', shape: 'star', name: 'brand' },
  report: { colour: '#adb5bd', shape: 'triangle', name: 'report' },
  group: { colour: '#e9ecef', shape: 'round-tag', name: 'more, folded (click for the next page)' },
  campaign: { colour: '#f3d9fa', shape: 'octagon', name: 'another campaign (bridge)' },
};

/**
 * Line per relationship: a callback number is the scammers' own line (solid, heavy); caller
 * and sender IDs can be spoofed, so they are dashed and pale, never mistaken for evidence.
 */
export const EDGE_ROLES: Readonly<
  Record<string, { readonly colour: string; readonly style: 'solid' | 'dashed' | 'dotted'; readonly width: number; readonly name: string }>
> = {
  CALLBACK_NUMBER: { colour: '#c92a2a', style: 'solid', width: 4, name: 'callback number' },
  CALLER_ID: { colour: '#868e96', style: 'dashed', width: 2, name: 'caller ID (spoofable)' },
  SENDER_ID: { colour: '#a9a9c8', style: 'dashed', width: 2, name: 'sender ID (spoofable)' },
  IMPERSONATES: { colour: '#7048e8', style: 'solid', width: 1.5, name: 'claims brand' },
  PAY_TO: { colour: '#f59f00', style: 'solid', width: 3, name: 'pay to' },
  SHARED_EVIDENCE: { colour: '#c2255c', style: 'solid', width: 2, name: 'shared evidence (width: reports)' },
  BRIDGE: { colour: '#ae3ec9', style: 'dashed', width: 2, name: 'bridge to another campaign' },
  FOLDED: { colour: '#adb5bd', style: 'dotted', width: 1.5, name: 'to a folded group' },
};
/** A line of a role not listed above. */
export const OTHER_EDGE = { colour: '#495057', style: 'solid', width: 1.5 } as const;

export const GRAPH_STYLE: StylesheetJson = [
  { selector: 'node', style: { width: 26, height: 26, 'border-width': 1, 'border-color': '#fff' } },
  // Labels on the nodes graph-view.ts marks labelled: all of them, but a big drawing's while it is zoomed out too far to
  // draw them (LABEL_ZOOM). Its 2,000 nodes then skip these eight properties: a sixth of Cytoscape's first frame.
  {
    selector: 'node.labelled',
    style: {
      label: 'data(short)',
      'font-size': 12,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      // A pale band behind each label keeps it legible over lines; below 7 px on screen it is hidden rather than smeared.
      'text-background-color': '#fff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 7,
    },
  },
  ...Object.entries(NODE_KINDS).map(([kind, { colour, shape }]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': colour, shape },
  })),
  { selector: 'node[kind = "report"]', style: { width: 14, height: 14, 'font-size': 10, color: '#868e96' } },
  {
    selector: 'node[kind = "group"]',
    style: {
      width: 30,
      height: 22,
      'border-width': 1,
      'border-style': 'dashed',
      'border-color': '#868e96',
      color: '#495057',
      'font-style': 'italic',
    },
  },
  {
    selector: 'node[kind = "campaign"]',
    style: { width: 34, height: 34, 'border-width': 2, 'border-style': 'dashed', 'border-color': '#ae3ec9' },
  },
  // The real channel of a brand, spoofed or named: hollow, green-ringed, never drawn like scam infrastructure.
  {
    selector: 'node[?official]',
    style: { 'background-color': '#fff', 'border-width': 4, 'border-color': '#2b8a3e', color: '#2b8a3e', 'font-weight': 'bold' },
  },
  // Hubs: drawn, never expanded; a thick double ring says so.
  { selector: 'node[?hub]', style: { 'border-width': 5, 'border-style': 'double', 'border-color': '#212529', width: 38, height: 38 } },
  { selector: 'node.member', style: { 'border-width': 3, 'border-color': '#e64980' } },
  { selector: 'node.origin', style: { 'border-width': 4, 'border-color': '#000', width: 34, height: 34, 'font-weight': 'bold' } },
  { selector: 'node:selected', style: { 'overlay-color': '#ffd43b', 'overlay-opacity': 0.35 } },
  // Outside the weeks chosen on the timeline: kept in place, so the picture does not jump, but faded.
  { selector: '.faded', style: { opacity: 0.12 } },
  {
    selector: 'edge',
    style: {
      width: OTHER_EDGE.width,
      'line-color': OTHER_EDGE.colour,
      'line-style': OTHER_EDGE.style,
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.6,
      'target-arrow-color': OTHER_EDGE.colour,
      opacity: 0.75,
    },
  },
  // Folded reports carry no direction: one weighted line between two things the same reports name.
  { selector: 'edge[reports]', style: { 'target-arrow-shape': 'none' } },
  ...Object.entries(EDGE_ROLES).map(([role, { colour, style, width }]) => ({
    selector: `edge[kind = "${role}"]`,
    style: { 'line-color': colour, 'target-arrow-color': colour, 'line-style': style, width },
  })),
  // Width by the reports behind the edge (log scale: 1 report thin, 500 heavy); after the role styles, so it wins.
  { selector: 'edge[width]', style: { width: 'data(width)' } },
];
