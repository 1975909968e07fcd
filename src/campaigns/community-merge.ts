import { noSilenceBetween, oneScript, otherScripts, periodOverlap, sequence, similarity } from './community-activity.js';
import { MergeReadings } from './merge-readings.js';

/** A community as a labeller left it: its label and its evidence (the sum of its members' link weights). */
export interface Community {
  readonly label: string;
  readonly evidence: number;
  /** How many of the reports naming its members tell each story: scam type and impersonated brands ("TECH_SUPPORT|microsoft"). */
  readonly profile?: Readonly<Record<string, number>>;
  /** How many of those reports fall in each period of PERIOD_SECONDS (numbered from the epoch): when the community was active. */
  readonly periods?: Readonly<Record<number, number>>;
  /** How many of those reports have each message template: what the crew's messages say. */
  readonly scripts?: Readonly<Record<string, number>>;
}

/** A community no row names (a tie's end the evidence list lacks): no evidence to weigh a tie against, no story. */
const NOBODY: Community = { label: '', evidence: Infinity };

/** The weight of the links between two communities. */
export interface Tie {
  readonly a: string;
  readonly b: string;
  readonly weight: number;
  /** Ids of distinct reports naming members of both: all of them, or at least REPORT_SAMPLE. */
  readonly reportIds?: readonly string[];
}

/** The shares of evidence a tie must carry for two communities to join (detection-parameters.ts). */
export interface MergeShares {
  /** Of the community's own evidence, for its strongest tie. */
  readonly strongest: number;
  /** Of both communities' evidence (the larger's), for any tie. */
  readonly mutual: number;
  /** Distinct reports a tie needs, and how alike the two communities' stories must be (cosine of their profiles), to join on story. */
  readonly storyReports: number;
  readonly storySimilarity: number;
  /** ... or how alike they must be to lean to one story: alike enough when they send one script, and what a community whose strongest tie tells another story leans to. */
  readonly storyLean: number;
  /** How much two communities' activity may overlap (0 to 1), counted in periods of `eraDays`, to join as eras of one operation. */
  readonly eraOverlap: number;
  readonly eraDays: number;
  /** ... or how far one must come before the other (`separation`, 0.5 to 1) to join as eras however short they are. */
  readonly eraSequence: number;
  /** Days without a report between two communities that make them two operations (a number reassigned), never one story. */
  readonly silenceDays: number;
  /** Of the community's own evidence, for its strongest tie when a single report backs that tie. */
  readonly loneShare: number;
  /**
   * Two communities tell one story only if their messages could be one crew's: with `scriptReports`
   * reports of recurring templates each (a template recurs when `scriptReports` reports have it), their
   * templates' cosine reaches `scriptSimilarity`.
   */
  readonly scriptReports: number;
  readonly scriptSimilarity: number;
  /** ... and join as one crew's parts, each the other's strongest tie of the story, when that cosine reaches `scriptJoin`. */
  readonly scriptJoin: number;
  /** Two communities do not join on `mutual` when their scripts differ: `scriptFew` reports each, `scriptReports` on one side. */
  readonly scriptFew: number;
  /** Two communities of one story whose messages are one script (`scriptSameReports` reports each, cosine `scriptSame`) join when any report names both. */
  readonly scriptSame: number;
  readonly scriptSameReports: number;
  /** A tie of one story carrying this share of the quieter side's evidence, each side the other's strongest, joins whatever the scripts say. */
  readonly storyTie: number;
}

/**
 * Joins communities that are one operation cut apart, six ways:
 *   (1) each community joins the neighbour it is tied to most strongly, when that tie carries at
 *       least `strongest` of its own evidence: a leaf (a per-victim link, a number named once) joins
 *       the side it is tied to most, and only that one, so a leaf a bridge report names glues nothing.
 *       A tie backed by one report, or by reports of another story, must carry `loneShare` of it: a
 *       leaf that report made, yes; a group held together by reports of its own, tied to a busy
 *       operation of another story by one or two misfiled reports, no. A community whose strongest
 *       tie tells another story leans to the neighbour most like it instead (ownStoryTies);
 *   (2) two communities join when their tie carries at least `mutual` of the evidence of each: sparse
 *       operations (a few reports, each naming two or three indicators) hold together, while two dense
 *       operations tied by a bridge report stay apart, the bridge being a small share of either;
 *   (3) two communities join when they tell the same story (the same scam type and brands, in like
 *       proportions), at least `storyReports` distinct reports name members of both, and each is the
 *       other's strongest tie: the eras of a long operation that rotated its numbers and sites, held
 *       together by the few reports that name an old number beside a new one. A bridge between two
 *       operations with different stories never joins on this rule; two operations with the same
 *       story (two Microsoft call centres) join only where that bridge is the strongest tie of both.
 *       (Tried and dropped: the strongest tie of one side only, which joined two concurrent Australia
 *       Post operations on held-out seed 3; docs/performance.md.) Two communities with a silence
 *       between them (a number reassigned months later) never join on this rule or the next.
 *   (4) two communities join as eras of one operation when they tell the same story, each is the
 *       other's strongest tie among the neighbours telling that story, a report names members of
 *       both, and their months of activity overlap by at most `eraOverlap`, or, counted in days, one's
 *       reports come before the other's (`separation` at least `eraSequence`): the later began as the
 *       earlier ended, whether the eras last months or, in an operation rotating every few days, days. An operation that rotated everything is held together by the few reports naming an old
 *       number beside a new one, though a bridge to a busier operation is stronger than that tie; two
 *       concurrent operations of one story tied by bridges run side by side, and stay apart.
 *   (5) two communities of one story join as one crew's parts when each is the other's strongest tie of
 *       that story, a report names both and their messages are one script (`scriptJoin`), whenever they
 *       ran: a crew whose texts name only its newest link leaves parts tied by a report or two;
 *   (6) ... and, without being each other's strongest, when their messages are one script on a hundred
 *       reports each (`scriptSame`, `scriptSameReports`): at a million reports a busy crew's eras are tied
 *       more strongly to the operations misfiled reports name than to each other.
 * What the messages say weighs in throughout: two communities tell "one story" only when their scripts
 * could be one crew's (`scriptSimilarity`), and the mutual rule (2) keeps two sparse groups of different
 * scripts apart (`scriptFew`). Scripts never outweigh a strong tie, though: a tie of one story carrying
 * `storyTie` of the quieter side's evidence on five reports or more, each the other's strongest, joins
 * on rule (3) whatever the scripts (a crew that rewrote its text, or whose calls and texts read apart),
 * and a leaf joins on rule (1) by the story its reports tell. A leaf that joins on rule (1) takes no
 * other tie that round that would join its group to one of another story.
 * "Strongest" is by weight, then distinct reports, then how alike the two communities' stories and
 * scripts are, not by label (strongestTies); a community tied equally to two neighbours joins the quieter
 * on rule (1), and the mutual rules ask whether each is among the other's strongest.
 * Answers the labels that change (old -> new), each joined group under its smallest label, so the
 * result depends neither on the order of the rows nor on the names the engine gave the communities.
 */
export function mergeCommunities(communities: readonly Community[], ties: readonly Tie[], shares: MergeShares): Record<string, string> {
  // Each round's joins (label -> the group it joined), followed to the last group at the end: rewriting every
  // earlier change each round cost a second a round at a million reports (200,000 changes, 30 rounds).
  const joinedInto = new Map<string, string>();
  let [level, levelTies] = [communities, ties];
  const readings = new MergeReadings(shares, recurring(communities, shares.scriptReports));
  // Rounds on the joined communities, their evidence and ties summed: leaves that joined one another
  // first (a report's several wallets) are judged again as the group they made.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const joined = mergeOnce(level, levelTies, shares, readings);
    if (Object.keys(joined).length === 0) break;
    for (const [label, group] of Object.entries(joined)) joinedInto.set(label, group);
    const root = (label: string) => joined[label] ?? label;
    // Only the groups that joined are summed again; every other community and tie goes on as it was
    // (at a million reports most rounds join a few hundred of tens of thousands).
    const grown = new Set(Object.values(joined));
    const changed = (label: string) => label in joined || grown.has(label);
    const summedCommunities = new Map<string, Community>();
    // A group's sums are objects of its own, made once and added to: the communities' are left as they came.
    const groups = new Map<string, Summed>();
    for (const community of level) {
      if (!changed(community.label)) {
        summedCommunities.set(community.label, community);
        continue;
      }
      const label = root(community.label);
      let into = groups.get(label);
      if (!into) {
        into = { label, evidence: 0, profile: {}, periods: {}, scripts: {} };
        groups.set(label, into);
        summedCommunities.set(label, into);
      }
      into.evidence += community.evidence;
      addCounts(into.profile, community.profile ?? {});
      addCounts(into.periods, community.periods ?? {});
      addCounts(into.scripts, community.scripts ?? {});
    }
    const summed = new Map<string, Tie>();
    const kept: Tie[] = [];
    for (const tie of levelTies) {
      if (!changed(tie.a) && !changed(tie.b)) {
        kept.push(tie);
        continue;
      }
      const { a, b, weight, reportIds = [] } = tie;
      const [x, y] = [root(a), root(b)].sort() as [string, string];
      if (x === y) continue;
      const key = `${x}\u0000${y}`;
      const before = summed.get(key);
      // A report naming three communities counts once when two of them have joined: ids, not counts, are summed.
      const ids = [...new Set([...(before?.reportIds ?? []), ...reportIds])].slice(0, REPORT_SAMPLE);
      summed.set(key, { a: x, b: y, weight: (before?.weight ?? 0) + weight, reportIds: ids });
    }
    level = [...summedCommunities.values()];
    levelTies = [...kept, ...summed.values()];
  }
  const changes: Record<string, string> = {};
  for (const label of joinedInto.keys()) {
    let group = label;
    while (joinedInto.has(group)) group = joinedInto.get(group) as string;
    changes[label] = group;
  }
  return changes;
}

/** The period communities' activity is counted in: a day (the merge rules count in days, and compare eras in periods of `eraDays`). */
export const PERIOD_SECONDS = 86_400;

/** Report ids kept per tie: enough to tell whether `storyReports` distinct reports back it (detection-parameters.ts). */
export const REPORT_SAMPLE = 5;

/**
 * Joining is settled within rounds; the bound only keeps a pathological graph from looping long. An
 * operation that rotated everything every few days is a chain of dozens of eras, joined pair by pair:
 * the 100,000-report world settles within 20 rounds (10 stopped it half-way: ARI 0.49 against 0.68).
 */
const MAX_ROUNDS = 30;

/** One round of the rules over one level of communities: label -> the smallest label of its group. */
function mergeOnce(
  communities: readonly Community[],
  ties: readonly Tie[],
  shares: MergeShares,
  readings: MergeReadings,
): Record<string, string> {
  const byLabel = new Map(communities.map((community) => [community.label, community]));
  const community = (label: string) => byLabel.get(label) ?? NOBODY;
  const evidence = (label: string) => community(label).evidence;
  const told = (label: string) => readings.told(community(label));
  const active = (label: string) => readings.active(community(label));
  const eras = (label: string) => readings.eras(community(label));
  const sent = (label: string) => readings.sent(community(label));
  const alike = (a: string, b: string) => readings.alike(community(a), community(b));
  const ofStory = ties.map((tie) => readings.ofStory(tie, community(tie.a), community(tie.b)));
  const quieter = (one: string, other: string) => evidence(one) < evidence(other) || (evidence(one) === evidence(other) && one < other);
  const affinity = (a: string, b: string) => similarity(told(a), told(b)) + similarity(sent(a), sent(b));
  const reports = (tie: Tie) => readings.reports(tie);
  const strongest = strongestTies(ties, reports, affinity);
  const strongestOfStory = strongestTies(
    ties.filter((_, i) => ofStory[i]),
    reports,
    affinity,
  );
  const parent = new Map<string, string>();
  const find = (label: string): string => {
    let root = label;
    while (parent.has(root)) root = parent.get(root) as string;
    for (let at = label; at !== root;) {
      const next = parent.get(at) as string;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const join = (a: string, b: string) => {
    const [x, y] = [find(a), find(b)];
    if (x !== y) parent.set(x < y ? y : x, x < y ? x : y);
  };
  // A leaf that joins its strongest tie on rule (1) takes no other tie this round that would join its new
  // group to one telling another story: two leaves the mutual rule (2) joined, each joining another operation on
  // rule (1) in the same round, made those two operations one (the 100,000-report world: a Telstra operation
  // and an Apple one, through the ties of a few leaves named by both). Of one story, it may: a real chain of
  // wallets (EtherScamDB) is held by leaves tied to each other as much as to their groups.
  const leaves = new Map<string, string>();
  const ownStory = ownStoryTies(communities, ties, strongest, {
    alike,
    closeness: (a, b) => similarity(told(a), told(b)),
    evidence,
    reports,
    strongest: shares.strongest,
    lean: shares.storyLean,
  });
  for (const { label, evidence: own } of communities) {
    const ofOne = ownStory.get(label) ?? strongest.get(label);
    // Tied as strongly to two neighbours (a wallet three entries name, a leaf a bridge report made): the quieter,
    // by label only between neighbours alike in every figure. Given to the busier, leaves grow its ties until
    // it is every part's strongest and the eras of others stop joining (the 100,000-report world without
    // scripts: ARI 0.53 against 0.61); given to none, chains of entries naming each other's wallets stay cut.
    const pick = ofOne?.labels.reduce((one, other) => (quieter(other, one) ? other : one));
    const best = ofOne && pick ? { ...ofOne, label: pick } : undefined;
    // A lone report (one misfiled message), or a few telling another story, are enough for a leaf they
    // mostly made, or for a group no other report names; not for a group held by reports of its own.
    // By story, not script: a crew's call centre numbers, named in victims' accounts of calls, read unlike its
    // texts. A lone report is trusted too when the two send one script (`scriptJoin`): a crew's small part at a
    // million reports, tied to its busy part by the one report naming both.
    const trusted =
      best &&
      (ownStory.has(label) ||
        (best.reports >= 2 && alike(label, best.label)) ||
        told(label).reports <= best.reports ||
        (alike(label, best.label) && oneScript(sent(label), sent(best.label), shares.scriptReports, shares.scriptJoin)));
    const enough = best && best.weight >= shares.strongest * own && (trusted || best.weight >= shares.loneShare * own);
    if (enough) {
      join(label, best.label);
      leaves.set(label, best.label);
    }
  }
  // A fair share of the quieter side's evidence, on as many distinct reports as a tie's sample keeps: two
  // misfiled reports between two small crews of one story are a fair share too, and stay a bridge.
  const strongTie = ({ a, b, weight }: Tie, distinct: number) =>
    alike(a, b) && weight >= shares.storyTie * Math.min(evidence(a), evidence(b)) && distinct >= REPORT_SAMPLE;
  const mutuallyStrongest = (of: ReadonlyMap<string, Strongest>, a: string, b: string) =>
    !!of.get(a)?.labels.includes(b) && !!of.get(b)?.labels.includes(a);
  ties.forEach((tie, i) => {
    const { a, b, weight, reportIds = [] } = tie;
    if ((leaves.has(a) || leaves.has(b)) && !alike(leaves.get(a) ?? a, leaves.get(b) ?? b)) return;
    const distinct = reports(tie);
    // Two sparse operations' scripts say more than a bridge that is a fair share of both.
    if (weight >= shares.mutual * Math.max(evidence(a), evidence(b))) {
      if (!otherScripts(sent(a), sent(b), shares.scriptFew, shares.scriptReports, shares.scriptSimilarity)) join(a, b);
    } else if ((ofStory[i] || strongTie(tie, distinct)) && noSilenceBetween(active(a), active(b), shares.silenceDays)) {
      const story = distinct >= shares.storyReports && mutuallyStrongest(strongest, a, b);
      const asEras =
        reportIds.length > 0 &&
        mutuallyStrongest(strongestOfStory, a, b) &&
        (periodOverlap(eras(a), eras(b)) <= shares.eraOverlap || sequence(active(a), active(b)) >= shares.eraSequence);
      // (5) One crew's script, however the two ran in time: a rotation whose messages name only the new
      // link leaves parts tied by a report or two, and the script is what they share.
      const asCrew =
        reportIds.length > 0 &&
        mutuallyStrongest(strongestOfStory, a, b) &&
        oneScript(sent(a), sent(b), shares.scriptReports, shares.scriptJoin);
      // (6) One script on many reports each is the crew's hand, tied by a report whatever else ties either.
      const oneHand = reportIds.length > 0 && oneScript(sent(a), sent(b), shares.scriptSameReports, shares.scriptSame);
      if (story || asEras || asCrew || oneHand) join(a, b);
    }
  });

  const changes: Record<string, string> = {};
  for (const { label } of communities) {
    const root = find(label);
    if (root !== label) changes[label] = root;
  }
  return changes;
}

/** Whether a template recurs: at least `least` reports of the communities have it (a report naming two counts twice). */
function recurring(communities: readonly Community[], least: number): (template: string) => boolean {
  const counts = new Map<string, number>();
  for (const { scripts = {} } of communities) {
    for (const [template, reports] of Object.entries(scripts)) counts.set(template, (counts.get(template) ?? 0) + reports);
  }
  return (template) => (counts.get(template) ?? 0) >= least;
}

/** A community's strongest tie: the neighbours it is tied to equally strongly (one, most often), the weight and reports. */
interface Strongest {
  readonly labels: readonly string[];
  readonly weight: number;
  readonly reports: number;
}

/**
 * Each community's strongest tie among `ties`: by weight, then by how many distinct reports back it (of
 * the sample kept), then by `affinity` (how alike the two communities' stories and scripts are). Never
 * by label: a label is a name the engine happened to give, and breaking ties on it made the campaigns of
 * the 100,000-report world differ by up to 0.19 in ARI between two namings of the same communities.
 * Neighbours equal on all three are all kept (mergeOnce chooses among them).
 */
function strongestTies(
  ties: readonly Tie[],
  reports: (tie: Tie) => number,
  affinity: (a: string, b: string) => number,
): Map<string, Strongest> {
  const strongest = new Map<string, { labels: string[]; weight: number; reports: number; affinity?: number }>();
  // No closure per tie: at a million reports this runs twice a round over a million ties.
  const offer = (from: string, to: string, weight: number, count: number) => {
    const best = strongest.get(from);
    let order = best ? compare(weight, best.weight) || compare(count, best.reports) : 1;
    // Affinity only where weight and reports are equal: two cosines per tie would cost seconds at a million reports.
    if (order === 0 && best) order = compare(affinity(from, to), (best.affinity ??= affinity(from, best.labels[0] as string)));
    if (order > 0) strongest.set(from, { labels: [to], weight, reports: count });
    else if (order === 0) best?.labels.push(to);
  };
  for (const tie of ties) {
    const count = reports(tie);
    offer(tie.a, tie.b, tie.weight, count);
    offer(tie.b, tie.a, tie.weight, count);
  }
  return strongest;
}

/** Compares two ties' weights, reports or affinities: sums of link weights that differ by rounding alone are equal. */
function compare(x: number, y: number): number {
  return Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y)) ? (x > y ? 1 : -1) : 0;
}

function addCounts<K extends string | number>(into: Record<K, number>, counts: Readonly<Record<K, number>>): void {
  for (const [key, count] of Object.entries(counts) as [K, number][]) into[key] = (into[key] ?? 0) + count;
}

/** A joined group's community, summed in place over one round. */
interface Summed {
  readonly label: string;
  evidence: number;
  readonly profile: Record<string, number>;
  readonly periods: Record<number, number>;
  readonly scripts: Record<string, number>;
}

/**
 * For each community whose strongest tie is to a neighbour telling another story, its tie to the neighbour
 * most alike it among those carrying `strongest` of its evidence, when that one is at least `storyLean` alike
 * and more alike than the strongest: a crew's one-day number, named beside its next number by one report and
 * lent to another operation by a misfiled report naming five of that operation's indicators (five links, a
 * weight of 2 against 0.5), is the crew's. Its few reports make its story noisy (the misfiled one among them),
 * so the bar is a lean, not `alike`.
 */
function ownStoryTies(
  communities: readonly Community[],
  ties: readonly Tie[],
  strongest: ReadonlyMap<string, Strongest>,
  judge: {
    alike: (a: string, b: string) => boolean;
    closeness: (a: string, b: string) => number;
    evidence: (label: string) => number;
    reports: (tie: Tie) => number;
    strongest: number;
    lean: number;
  },
): Map<string, Strongest> {
  const astray = new Map<string, number>();
  for (const { label } of communities) {
    const best = strongest.get(label);
    if (best && !best.labels.some((other) => judge.alike(label, other)))
      astray.set(label, Math.max(...best.labels.map((other) => judge.closeness(label, other))));
  }
  const chosen = new Map<string, { labels: string[]; weight: number; reports: number; closeness: number }>();
  const offer = (from: string, to: string, tie: Tie) => {
    const least = astray.get(from);
    if (least === undefined || tie.weight < judge.strongest * judge.evidence(from)) return;
    const closeness = judge.closeness(from, to);
    if (closeness < judge.lean || closeness <= least) return;
    const reports = judge.reports(tie);
    const best = chosen.get(from);
    // Most alike, then heaviest, then on most reports; neighbours equal on all three are all kept, as strongestTies keeps them.
    const order = best ? compare(closeness, best.closeness) || compare(tie.weight, best.weight) || compare(reports, best.reports) : 1;
    if (order > 0) chosen.set(from, { labels: [to], weight: tie.weight, reports, closeness });
    else if (order === 0) best?.labels.push(to);
  };
  for (const tie of ties) {
    offer(tie.a, tie.b, tie);
    offer(tie.b, tie.a, tie);
  }
  return chosen;
}
