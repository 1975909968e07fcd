import { reject, type Normalised } from '../ingest/normalise/result.js';
import { quote } from '../text/excerpt.js';
import type { StartNode } from './neighbourhood.service.js';
import { startNode } from './start-node.js';

/** The kinds a report can name as infrastructure: what evidence packs and disruption work on. */
export const INDICATOR_KINDS = ['phone', 'domain', 'url', 'email', 'wallet', 'bank_account'] as const;

/** An indicator's canonical key, as startNode gives it, for the indicator kinds only. */
export function indicatorNode(kind: string, value: string): Normalised<StartNode> {
  if (!(INDICATOR_KINDS as readonly string[]).includes(kind)) {
    return reject('INVALID_VALUE', `kind must be one of ${INDICATOR_KINDS.join(', ')}; got ${quote(kind)}`);
  }
  return startNode(kind, value);
}

/** "phone:+61412345678", "wallet:BTC:bc1…": the id neighbourhoods draw the node under, and its disruption's key. */
export const indicatorId = (node: StartNode): string => `${node.kind}:${node.qualifier === null ? '' : `${node.qualifier}:`}${node.key}`;
