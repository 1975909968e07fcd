type Properties = Record<string, unknown>;

interface NodeKind {
  readonly kind: string;
  /** The properties `key`, `label` and hubByNature read of a node of this label: all its drawing needs. */
  readonly reads: readonly DrawnProperty[];
  readonly key: (p: Properties) => string;
  readonly label?: (p: Properties) => string;
}

const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : '');

/**
 * The properties the rules below read, and when reports first and last named a node, and how many:
 * the explorer's summaries and pictures fetch these alone (a neighbourhood, only its labels' `reads`).
 */
export const DRAWN_PROPERTIES = [
  'e164',
  'name',
  'url',
  'address',
  'chain',
  'scheme',
  'identifier',
  'slug',
  'id',
  'channel',
  'receivedAt',
  'isShortener',
  'isPlatform',
  'isFreeMail',
  'reportCount',
  'firstSeen',
  'lastSeen',
] as const;
type DrawnProperty = (typeof DRAWN_PROPERTIES)[number];

/** Only domains carry these (ingest/link-indicators.cypher). */
const HUB_BY_NATURE = ['isShortener', 'isPlatform', 'isFreeMail'] as const;

/** How each node label is drawn and addressed: a kind for colour and shape, a key for its id. */
const KINDS: Record<string, NodeKind> = {
  PhoneNumber: { kind: 'phone', reads: ['e164'], key: (p) => String(p['e164']) },
  Domain: { kind: 'domain', reads: ['name', ...HUB_BY_NATURE], key: (p) => String(p['name']) },
  Url: { kind: 'url', reads: ['url'], key: (p) => String(p['url']) },
  EmailAddress: { kind: 'email', reads: ['address'], key: (p) => String(p['address']) },
  CryptoWallet: { kind: 'wallet', reads: ['chain', 'address'], key: (p) => `${String(p['chain'])}:${String(p['address'])}` },
  BankAccount: { kind: 'bank_account', reads: ['scheme', 'identifier'], key: (p) => `${String(p['scheme'])}:${String(p['identifier'])}` },
  Brand: { kind: 'brand', reads: ['slug', 'name'], key: (p) => String(p['slug']), label: (p) => String(p['name']) },
  Report: {
    kind: 'report',
    reads: ['id', 'channel', 'receivedAt'],
    key: (p) => String(p['id']),
    label: (p) => `${String(p['channel'])} ${day(p['receivedAt'])}`,
  },
};

/**
 * Per label, the properties its nodes are drawn from (id, label, hub by nature): what
 * reads/neighbourhood-expand fetches of each node. Testing all of DRAWN_PROPERTIES on every node
 * was half the db hits of a wide neighbourhood (hops 3, limit 500), most of them for nulls.
 */
export const DRAWN_BY_LABEL: Readonly<Record<string, readonly DrawnProperty[]>> = Object.fromEntries(
  Object.entries(KINDS).map(([label, rule]) => [label, rule.reads]),
);

/** A shortener, platform or free-mail domain is a hub by what it is (rb.gy, gmail.com), however few reports name it. */
const hubByNature = (p: Properties) => HUB_BY_NATURE.some((flag) => p[flag] === true);

export interface DrawnNode {
  readonly id: string;
  readonly kind: string;
  readonly label: string;
  readonly hub: boolean;
  readonly degree: number;
}

/**
 * When reports first and last named a node (null where none did, or none is kept): the explorer's timeline
 * filters by it. A date may come as a Date or as ISO text (campaign-picture.cypher sends text: cheaper to decode).
 */
export function seenOf(properties: Properties): { firstSeen: Date | null; lastSeen: Date | null } {
  const date = (value: unknown) => (value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null);
  return { firstSeen: date(properties['firstSeen']), lastSeen: date(properties['lastSeen']) };
}

/** A stable, readable id ("phone:+61412345678") that a client can pass back as kind and value. */
export function drawnNode(label: string, properties: Properties, degree: number, hubDegree: number): DrawnNode {
  const known = KINDS[label];
  if (!known) throw new Error(`no drawing rule for nodes labelled ${label}`);
  const key = known.key(properties);
  return {
    id: `${known.kind}:${key}`,
    kind: known.kind,
    label: known.label?.(properties) ?? key,
    hub: degree > hubDegree || hubByNature(properties),
    degree,
  };
}

/** The node label drawn as `kind` ("domain" → "Domain"), or null for no kind drawn. */
export const labelOfKind = (kind: string): string | null => Object.entries(KINDS).find(([, rule]) => rule.kind === kind)?.[0] ?? null;

/** The kind a node label is drawn as ("Domain" → "domain"). */
export const kindOfLabel = (label: string): string => KINDS[label]?.kind ?? label.toLowerCase();
