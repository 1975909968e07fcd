/**
 * What the merge rules (community-merge.ts) compare between two communities: when each was active
 * (its report counts per day) and what stories it tells (its report counts per story). Each
 * community's counts are read once per round into the forms below (`Activity`, `Stories`), not once
 * per tie: at a million reports a busy community has hundreds of days and thousands of ties.
 */

/** A community's report counts per day, in day order, with their total and first and last days. */
export interface Activity {
  readonly days: readonly (readonly [day: number, reports: number])[];
  readonly total: number;
  readonly first: number;
  readonly last: number;
}

export function activity(counts: Readonly<Record<number, number>>): Activity {
  const days = Object.entries(counts)
    .map(([day, reports]) => [Number(day), reports] as const)
    .sort((one, other) => one[0] - other[0]);
  const total = days.reduce((sum, [, reports]) => sum + reports, 0);
  return { days, total, first: days[0]?.[0] ?? NaN, last: days.at(-1)?.[0] ?? NaN };
}

/**
 * Whether two communities' activity leaves no silence between them: they overlap, or the later
 * began no more than `silenceDays` after the earlier's last report. A number reassigned after a
 * silence leaves a gap, so two operations of one story tied by a recycled number are not taken for
 * eras. Undated communities leave no gap.
 */
export function noSilenceBetween(one: Activity, other: Activity, silenceDays: number): boolean {
  if (one.days.length === 0 || other.days.length === 0) return true;
  return one.first <= other.first ? other.first <= one.last + silenceDays : one.first <= other.last + silenceDays;
}

/** A community's reports per period of `days` days: the form `overlap` compares. */
export function inPeriods(of: Activity, days: number): ReadonlyMap<number, number> {
  const periods = new Map<number, number>();
  for (const [day, reports] of of.days) {
    const period = Math.floor(day / days);
    periods.set(period, (periods.get(period) ?? 0) + reports);
  }
  return periods;
}

/**
 * How much two communities were active at the same time: the shared share of their reports per
 * period (histogram intersection of the two distributions of their counts per period, `inPeriods`),
 * 1 for the same periods in the same proportions, 0 for none in common. A community with no dated
 * report counts as running all along (1): nothing says it ran apart.
 */
export function periodOverlap(one: ReadonlyMap<number, number>, other: ReadonlyMap<number, number>): number {
  const total = (periods: ReadonlyMap<number, number>) => [...periods.values()].reduce((sum, reports) => sum + reports, 0);
  const [oneTotal, otherTotal] = [total(one), total(other)];
  if (oneTotal === 0 || otherTotal === 0) return 1;
  let shared = 0;
  for (const [period, reports] of one) shared += Math.min(reports / oneTotal, (other.get(period) ?? 0) / otherTotal);
  return shared;
}

/** `periodOverlap` of two communities' counts per day, in periods of `days`. */
export function overlap(x: Readonly<Record<number, number>>, y: Readonly<Record<number, number>>, days: number): number {
  return periodOverlap(inPeriods(activity(x), days), inPeriods(activity(y), days));
}

/**
 * How far one community's activity comes before the other's: of all pairs of their reports (one
 * each), the share in which the first community's comes first (a day shared counts half), read from
 * the side that comes first, so 0.5 for two running side by side (or one inside the other's span)
 * and 1 for one ending before the other begins. The Mann-Whitney statistic of their report days.
 */
export function sequence(x: Activity, y: Activity): number {
  if (x.total === 0 || y.total === 0) return 0.5;
  let [before, at, xFirst] = [0, 0, 0];
  // y's days walked once: `before` counts y's reports on days before the current x day.
  for (const [day, reports] of x.days) {
    for (let next = y.days[at]; next && next[0] < day; next = y.days[++at]) before += next[1];
    const here = y.days[at];
    const same = here && here[0] === day ? here[1] : 0;
    xFirst += reports * (y.total - before - same + same / 2);
  }
  const share = xFirst / (x.total * y.total);
  return Math.max(share, 1 - share);
}

/** `sequence` of two communities' counts per day. */
export function separation(x: Readonly<Record<number, number>>, y: Readonly<Record<number, number>>): number {
  return sequence(activity(x), activity(y));
}

/** A community's report counts per story with their Euclidean norm, for `similarity`. */
export interface Stories {
  readonly counts: Readonly<Record<string, number>>;
  readonly norm: number;
  /** Every report naming the community's members tells one story (or none: "|"): the reports naming them. */
  readonly reports: number;
}

export function stories(counts: Readonly<Record<string, number>>): Stories {
  const values = Object.values(counts);
  return {
    counts,
    norm: Math.sqrt(values.reduce((sum, reports) => sum + reports * reports, 0)),
    reports: values.reduce((sum, reports) => sum + reports, 0),
  };
}

/** Cosine similarity of two communities' stories: 1 when they tell the same stories in the same proportions, 0 when none in common. */
export function similarity(x: Stories, y: Stories): number {
  if (x.norm === 0 || y.norm === 0) return 0;
  let dot = 0;
  // Keys, not entries: the merge asks this millions of times a run, and an array of pairs per call was a second of it.
  for (const story of Object.keys(x.counts)) dot += (x.counts[story] as number) * (y.counts[story] ?? 0);
  return dot / (x.norm * y.norm);
}

/** `similarity` of two count vectors. */
export function cosine(x: Readonly<Record<string, number>>, y: Readonly<Record<string, number>>): number {
  return similarity(stories(x), stories(y));
}

/**
 * A community's reports per message template (src/ingest/normalise/message-template.ts), only the
 * templates `recurs` keeps: a victim's own account of a call is a template of one, which tells
 * nothing about which crew sent it.
 */
export function scripts(counts: Readonly<Record<string, number>>, recurs: (template: string) => boolean): Stories {
  return stories(Object.fromEntries(Object.entries(counts).filter(([template]) => recurs(template))));
}

/**
 * Whether two communities could be one crew by what their messages say: fewer than `minReports`
 * recurring templates on either side say nothing (yes); else their templates' cosine must reach
 * `least`. Two crews telling one story (two Amazon parcel operations in the same weeks) send their
 * own scripts, unless one bought the other's kit.
 */
export function sameScript(x: Stories, y: Stories, minReports: number, least: number): boolean {
  if (x.reports < minReports || y.reports < minReports) return true;
  return similarity(x, y) >= least;
}

/** Whether two communities' messages are one script: `minReports` reports of recurring templates each, and a cosine of at least `least`. */
export function oneScript(x: Stories, y: Stories, minReports: number, least: number): boolean {
  return x.reports >= minReports && y.reports >= minReports && similarity(x, y) >= least;
}

/**
 * Whether two communities' messages are two crews': `few` reports of recurring templates each and
 * `minReports` on one side at least, their cosine under `least`. Weaker evidence than `sameScript`
 * asks for, as it only keeps apart two sparse groups a bridge would join on its share of their evidence.
 */
export function otherScripts(x: Stories, y: Stories, few: number, minReports: number, least: number): boolean {
  return Math.min(x.reports, y.reports) >= few && Math.max(x.reports, y.reports) >= minReports && similarity(x, y) < least;
}
