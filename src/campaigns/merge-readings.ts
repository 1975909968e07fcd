import {
  activity,
  inPeriods,
  oneScript,
  sameScript,
  scripts,
  similarity,
  stories,
  type Activity,
  type Stories,
} from './community-activity.js';
import type { Community, MergeShares, Tie } from './community-merge.js';

/**
 * What the merge rules read of each community and tie, kept across rounds. A community or tie no join
 * touched goes on to the next round as the same object, so its stories, activity and scripts, and whether
 * a tie joins two of one story, are worked out once per run rather than once per round: at a million
 * reports (280,000 communities, 30 rounds) reading them again each round was half of the merge's time.
 */
export class MergeReadings {
  readonly told = lasting((community: Community) => stories(community.profile ?? {}));
  readonly active = lasting((community: Community): Activity => activity(community.periods ?? {}));
  readonly eras = lasting((community: Community) => inPeriods(this.active(community), this.shares.eraDays));
  readonly sent = lasting((community: Community): Stories => scripts(community.scripts ?? {}, this.recurs));
  private readonly storyTies = new WeakMap<Tie, boolean>();
  private readonly alikePairs = new WeakMap<Community, WeakMap<Community, boolean>>();
  private readonly distinct = new WeakMap<Tie, number>();

  constructor(
    private readonly shares: MergeShares,
    private readonly recurs: (template: string) => boolean,
  ) {}

  /**
   * Whether two communities tell one story in like proportions (`storySimilarity`), or lean to one
   * (`storyLean`) and send one script (`scriptJoin`): a crew's small part, a few of whose reports are
   * misfiled or told without a brand, reads less like its crew than the crew's script says it is.
   */
  alike(a: Community, b: Community): boolean {
    // Kept per pair while both live: rule (1) asks it of every community's strongest neighbour every round.
    let known = this.alikePairs.get(a)?.get(b);
    if (known === undefined) {
      const { storySimilarity, storyLean, scriptReports, scriptJoin } = this.shares;
      const closeness = similarity(this.told(a), this.told(b));
      known = closeness >= storySimilarity || (closeness >= storyLean && oneScript(this.sent(a), this.sent(b), scriptReports, scriptJoin));
      const of = this.alikePairs.get(a) ?? new WeakMap<Community, boolean>();
      of.set(b, known);
      this.alikePairs.set(a, of);
    }
    return known;
  }

  /** ... and their scripts could be one crew's: the tie is of one story. `a` and `b` are the tie's ends. */
  ofStory(tie: Tie, a: Community, b: Community): boolean {
    let known = this.storyTies.get(tie);
    if (known === undefined) {
      const { scriptReports, scriptSimilarity } = this.shares;
      known = this.alike(a, b) && sameScript(this.sent(a), this.sent(b), scriptReports, scriptSimilarity);
      this.storyTies.set(tie, known);
    }
    return known;
  }

  /** How many distinct reports of the tie's sample name both ends. */
  reports(tie: Tie): number {
    let known = this.distinct.get(tie);
    if (known === undefined) {
      known = new Set(tie.reportIds ?? []).size;
      this.distinct.set(tie, known);
    }
    return known;
  }
}

/** `of` for each community, worked out on first asking and kept while the community lives. */
function lasting<T>(of: (community: Community) => T): (community: Community) => T {
  const known = new WeakMap<Community, T>();
  return (community) => {
    let value = known.get(community);
    if (value === undefined) {
      value = of(community);
      known.set(community, value);
    }
    return value;
  };
}
