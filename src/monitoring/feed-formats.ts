import { extension, extensionDefinitions } from '../evidence/stix-extensions.js';
import { FIXED_CREATED, PRODUCER, scoId, sdoId, stixIndicatorId } from '../evidence/stix-ids.js';
import type { FeedItem, FeedPage } from './feed.js';
import { csvLine } from '../text/csv.js';

export const feedJson = (page: FeedPage): string => JSON.stringify({ cursor: page.cursor, hasMore: page.hasMore, items: page.items });

/** kind,value,verdict,score,reasons, one line per item (csv-stringify; formulas kept as text). */
export function feedCsv(page: FeedPage): string {
  return [
    csvLine(['kind', 'value', 'verdict', 'score', 'reasons']),
    ...page.items.map((item) => csvLine([item.kind, item.value, item.verdict, String(item.score), item.reasons.join(' ')], PLAIN)),
  ].join('');
}

/** value holds E.164 numbers and punycode domains only: canonical, and "+" starts every number. */
const PLAIN = new Set([1]);

const PATTERN_TYPE: Record<FeedItem['kind'], string> = { phone: 'phone-number', domain: 'domain-name' };

/**
 * The STIX 2.1 `indicator` of one item (pattern `[domain-name:value = '…']`, or OpenCTI's
 * phone-number for numbers), labelled with its verdict, confidence its score. Its id is name-based,
 * so the same indicator is the same object in every page and every TAXII poll; `modified` (and
 * `valid_from`) say when it was judged: `at`. The observable's id rides in scamgraph's indicator
 * extension, which the bundle or collection defines with its producer.
 */
export function feedIndicator(item: FeedItem, at: string): Record<string, unknown> & { type: string; id: string } {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: stixIndicatorId(item.kind, item.value),
    created_by_ref: PRODUCER.id,
    created: FIXED_CREATED,
    modified: at,
    name: item.value,
    // Consumers show name and description side by side (and STIX asks for both): say why it is listed.
    description: `${item.verdict} by scamgraph's checks, score ${item.score}${item.reasons.length > 0 ? `: ${item.reasons.join(', ')}` : ''}`,
    indicator_types: ['malicious-activity'],
    pattern: `[${PATTERN_TYPE[item.kind]}:value = '${item.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`,
    pattern_type: 'stix',
    valid_from: at,
    confidence: item.score,
    labels: [item.verdict.toLowerCase().replace('_', '-'), ...item.reasons.map((reason) => `reason:${reason}`)],
    extensions: extension('indicator', { observable_ref: scoId(PATTERN_TYPE[item.kind], { value: item.value }) }),
  };
}

/** A STIX 2.1 bundle of one feedIndicator per item, judged now, with the producer and the extension's definition. */
export function feedStix(page: FeedPage, now = new Date()): string {
  const at = now.toISOString();
  const objects = page.items.map((item) => feedIndicator(item, at));
  const defined = objects.length > 0 ? [PRODUCER, ...extensionDefinitions(objects, PRODUCER.id), ...objects] : [];
  return JSON.stringify({ type: 'bundle', id: sdoId('bundle', `feed:${page.cursor}`), objects: defined });
}
