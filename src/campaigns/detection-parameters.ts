/**
 * What evidence is worth in campaign detection, and the shares that decide when two groups of
 * indicators are one operation. Chosen from the benchmark's worlds with bridges (README, "Campaigns":
 * the figures each setting gave); change them only with new figures.
 */
export const LINK_WEIGHTS = {
  /** A report counts at the weaker role of the two indicators it links. */
  roles: { CALLBACK_NUMBER: 1, PAY_TO: 1, CONTACT_EMAIL: 0.8, LINKS_TO: 0.6, NAMES_DOMAIN: 0.5 },
  /** Each further report on a day already counted. */
  sameDay: 0.25,
  /** Each further source, up to three. */
  perSource: 0.25,
  /** Silence after which an indicator is taken to be reassigned (recycled), and how fast its older links fade. */
  silenceDays: 60,
  halfLifeDays: 30,
} as const;

export const COMMUNITY_SHARES = {
  /** Both engines: a core link is backed by this many reports (a bridge is one report) ... */
  coreReports: 2,
  /** ... and weighs this much: a recycled number's faded links do not hold a core together. */
  coreWeight: 0.5,
  /**
   * ... and carries this share of the evidence of the end with less: a bridge repeated between two busy
   * indicators does not (at 3% bridges, ARI 0.42 without it, 0.73 with it; 0% and 1% unchanged).
   */
  coreShare: 0.07,
  /**
   * ... and this share of the evidence of the busier end: two bridge reports naming the same two
   * indicators (a small operation's site beside a busy one's short link) are a fair share of the
   * short link's evidence, never of the site's. On seed 2 four such links were the only core links
   * across operations, and one glued a 264-report operation to a 3,123-report one. 20,000-report
   * worlds at 1% bridges, ARI without it and with 0.02, GDS / Cypher: seed 1 0.964 / 0.962 to 0.955
   * / 0.959, seed 2 0.885 / 0.885 to 0.929 / 0.928, seed 3 0.963 / 0.959 to 0.967 / 0.966, held-out
   * seeds 4 0.907 / 0.907 to 0.911 / 0.907 and 5 0.923 / 0.922 to 0.922 / 0.922 (0.03 gave the same
   * in Cypher, and lost on seed 1; docs/performance.md, "Bridges between busy and quiet ends").
   */
  coreShareOfBusier: 0.02,
  /**
   * Both engines (community-merge.ts): a community joins its strongest neighbour when the tie carries
   * `strongest` of its own evidence; any neighbour when the tie carries `mutual` of both communities'
   * evidence; and a neighbour that tells the same story (profiles of scam type and brands at cosine
   * `storySimilarity` or more) when `storyReports` distinct reports back the tie and each is the
   * other's strongest. The story rule took the 20,000-report worlds at 1% bridges from 0.943 to 0.957
   * (seed 1) and 0.678 to 0.691 (seed 2), at 0% seed 2 from 0.735 to 0.995; 3% unchanged
   * (docs/performance.md, "The story rule", with seeds 3 and 4).
   *
   * `eraOverlap`: two communities of one story, each the other's strongest tie of that story, join on
   * one report naming both when their months of activity (reports naming no other community) overlap
   * by at most this share and no silence lies between them: the eras of an operation that rotated
   * everything. Replayed on GDS's communities of the 20,000-report worlds at 1% bridges, ARI without
   * it and with it: seed 2 0.691 to 0.884, seed 1 0.956 to 0.961, seed 3 0.968 to 0.959, held-out
   * seeds 4 0.904 to 0.907 and 5 0.915 to 0.920 (docs/performance.md, "Eras in time"). 0.3 and 0.5
   * gave the same on seed 1, 0.7 lost a point; 0.3 lost seed 2's largest operation again (0.770).
   *
   * `eraSequence`: ... or, whatever their months, one's reports come before the other's in at least this
   * share of pairs of days (`separation`): eras of a few days each, as a busy operation rotating every
   * few days leaves them, overlap whole months. Communities count their reports per day for it (and
   * compare months in periods of `eraDays`); joining takes up to 20 rounds on such chains. Replayed on
   * GDS's communities (quality-diagnosis --dump, merge-replay), ARI without it and with 0.85: the
   * 100,000-report world (seed 1, 1%) 0.404 to 0.675; 20,000 reports at 1%, seed 1 0.960 to 0.962,
   * seed 2 0.955 to 0.956, seed 3 0.965 to 0.965, held-out seeds 4 0.911 to 0.921 and 5 0.940 to 0.947.
   * 0.9 stopped half the chain at 100,000 (0.43), 0.75 lost precision there (docs/performance.md,
   * "Eras of days").
   *
   * `loneShare`: a community's strongest tie, when one report backs it (or reports of another story, as
   * `storySimilarity` judges) and other reports name the community too, must carry this share of the
   * community's evidence. A leaf, or a group one report made, joins as before; a group held by reports
   * of its own, tied to a busy operation by one misfiled report (or two of another story), does not.
   * Replayed on the communities both engines dumped with coreShareOfBusier, GDS, ARI without it and
   * with 0.3: seed 1 0.959 to 0.960, seed 2 0.926 to 0.955, seed 3 0.962 to 0.963, held-out seeds 4
   * 0.906 to 0.911 and 5 0.921 to 0.940. 0.5 scored alike on the worlds but cut 13 of EtherScamDB's
   * components (real-campaigns.test.ts allows 9): a wallet named by three entries, each its own
   * lone tie. docs/performance.md, "Bridges between busy and quiet ends".
   */
  merge: {
    strongest: 0.1,
    mutual: 0.2,
    storyReports: 2,
    storySimilarity: 0.9,
    /**
     * Two communities whose stories' cosine reaches `storyLean` tell one story when their messages are one
     * script (`scriptJoin`); and a community whose strongest tie tells another story joins the neighbour
     * most like it at `storyLean` or more instead (community-merge.ts, ownStoryTies). At a million reports a
     * crew rotating its number every day or two leaves parts of one to six indicators whose few reports
     * include misfiled ones and brandless ones (cosine 0.8 with their crew), lent to other operations by
     * misfiled reports naming five of their indicators. Replayed on GDS's communities at 1% bridges
     * (merge-replay.ts), ARI without and with it: a million reports 0.918 to 0.958; 100,000 0.963 to 0.978;
     * 20,000 seeds 1-3 0.868 to 0.887, 0.902 to 0.943, 0.976 to 0.979; held-out seeds 4-5 0.891 to 0.932 and
     * 0.923 to 0.964. 0.5 and 0.7 scored within 0.002 on every world (0.957 and 0.956 at a million) (docs/performance.md,
     * "A crew's one-day numbers").
     */
    storyLean: 0.6,
    eraOverlap: 0.5,
    eraDays: 30,
    eraSequence: 0.85,
    silenceDays: LINK_WEIGHTS.silenceDays,
    loneShare: 0.3,
    /**
     * What the messages say (community-activity.ts, `scripts`): two communities with `scriptReports` reports
     * of recurring templates each tell one story only when their templates' cosine reaches
     * `scriptSimilarity` (two crews sending Amazon parcel texts in the same weeks are two), and join as one
     * crew's parts, each the other's strongest tie of the story, at `scriptJoin`. Replayed on the labellers'
     * communities of the scripted 20,000-report worlds at 1% bridges (merge-replay.ts), ARI without and with
     * them, GDS / Cypher: seed 1 0.814 / 0.826 to 0.818 / 0.828, seed 2 0.868 / 0.850 to 0.904 / 0.879,
     * seed 3 0.965 / 0.964 to 0.968 / 0.968; held-out seeds 4 0.751 / 0.792 to 0.876 / 0.841 and 5 0.790 /
     * 0.778 to 0.794 / 0.789. 0.3 / 0.7 scored within 0.003 on seeds 1-3 (0.4 / 0.8 on seed 3); 0.5 / 0.6 lost 0.02
     * on seed 2 (docs/performance.md, "Crews' scripts").
     */
    scriptReports: 5,
    scriptSimilarity: 0.4,
    /** (Also what rule 1 asks before it trusts a lone report between a small group and a part sending its script.) */
    scriptJoin: 0.7,
    /**
     * Two sparse communities tied by a fair share of both (`mutual`) stay apart when their scripts differ,
     * on `scriptFew` reports of recurring templates each (`scriptReports` on one side). Replayed as above,
     * GDS: seed 1 0.838 to 0.840, seed 2 0.894 to 0.902, seed 3 0.972 unchanged, the 100,000-report world
     * 0.914 to 0.928; held-out seeds 4 0.890 to 0.882 and 5 0.801 to 0.862. 3 and 5 gained less on seeds
     * 1 to 3; the same check on the rule a leaf joins by (1) lost 0.23 on seed 1 (rotations and channels
     * give one crew's parts different templates).
     */
    scriptFew: 2,
    /**
     * A crew's hand and a strong tie (community-merge.ts, rules 6 and 3). Two communities of one story whose
     * messages are one script (cosine `scriptSame` on `scriptSameReports` recurring-template reports each)
     * join when a report names both; a tie of one story carrying `storyTie` of the quieter side's evidence
     * on five reports or more, each the other's strongest, joins whatever the scripts; and a leaf trusts its
     * strongest tie on story alone. Replayed on GDS's communities of the scripted worlds at 1% bridges
     * (merge-replay.ts), ARI before and after: 20,000 reports seed 1 0.840 to 0.865, seed 2 0.902 to
     * 0.905, seed 3 0.972 to 0.972; 100,000 reports 0.928 to 0.944; a million reports 0.662 to 0.877 (one
     * script alone: 0.855 at 0.9 / 50, 0.861 at 0.9 / 100, 0.851 at 0.8 / 50; the strong tie at 0.01,
     * 0.02 and 0.05 within 0.002, except 100,000 reports: 0.932 at 0.05). Held-out seeds 4 0.882 to 0.886
     * and 5 0.862 to 0.865. Without the five reports the strong tie gained 0.002 more at 100,000 reports
     * but joined two small crews over two misfiled reports (campaign-bridges.test.ts). Tried and dropped:
     * leaving out templates told with several brands (a kit's lures), 0.855 to 0.725 at a million reports;
     * a script contained in the busier side's, 0.902 to 0.891 on seed 2 (docs/performance.md, "A crew's hand").
     */
    scriptSame: 0.9,
    scriptSameReports: 100,
    storyTie: 0.02,
  },
  /**
   * GDS: Leiden's resolution over the core links. Measured on the 20,000-report worlds: 0.1 and 0.02
   * cut long-running operations apart (adjusted Rand index 0.923 against 0.989 at 0% bridges, no better
   * at 1% or 3%); at 0.005 and below Leiden keeps each core component whole, as the Cypher engine does.
   */
  leidenGamma: 0.005,
} as const;
