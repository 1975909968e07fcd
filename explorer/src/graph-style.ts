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
};

/**
 * Line per relationship: a callback number is the scammers' own line (solid, heavy); caller
 * and sender IDs can be spoofed, so they are dashed and pale, never mistaken for evidence.
 */
export const EDGE_ROLES: Readonly<Record<string, { readonly colour: string; readonly style: 'solid' | 'dashed' | 'dotted'; readonly width: number; readonly name: string }>> = {
  CALLBACK_NUMBER: { colour: '#c92a2a', style: 'solid', width: 4, name: 'callback number' },
  CALLER_ID: { colour: '#868e96', style: 'dashed', width: 2, name: 'caller ID (spoofable)' },
  SENDER_ID: { colour: '#a9a9c8', style: 'dashed', width: 2, name: 'sender ID (spoofable)' },
  IMPERSONATES: { colour: '#7048e8', style: 'solid', width: 1.5, name: 'claims brand' },
  PAY_TO: { colour: '#f59f00', style: 'solid', width: 3, name: 'pay to' },
};
const OTHER_EDGE = { colour: '#495057', style: 'solid', width: 1.5 } as const;

export const GRAPH_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: { label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, width: 26, height: 26, 'border-width': 1, 'border-color': '#fff' },
  },
  ...Object.entries(NODE_KINDS).map(([kind, { colour, shape }]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': colour, shape },
  })),
  { selector: 'node[kind = "report"]', style: { width: 14, height: 14, 'font-size': 9, color: '#868e96' } },
  // Hubs: drawn, never expanded; a thick double ring says so.
  { selector: 'node[?hub]', style: { 'border-width': 5, 'border-style': 'double', 'border-color': '#212529', width: 38, height: 38 } },
  { selector: 'node.member', style: { 'border-width': 3, 'border-color': '#e64980' } },
  { selector: 'node.origin', style: { 'border-width': 4, 'border-color': '#000', width: 34, height: 34, 'font-weight': 'bold' } },
  { selector: 'node:selected', style: { 'overlay-color': '#ffd43b', 'overlay-opacity': 0.35 } },
  {
    selector: 'edge',
    style: { width: OTHER_EDGE.width, 'line-color': OTHER_EDGE.colour, 'line-style': OTHER_EDGE.style, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.6, 'target-arrow-color': OTHER_EDGE.colour },
  },
  ...Object.entries(EDGE_ROLES).map(([role, { colour, style, width }]) => ({
    selector: `edge[kind = "${role}"]`,
    style: { 'line-color': colour, 'target-arrow-color': colour, 'line-style': style, width },
  })),
];
