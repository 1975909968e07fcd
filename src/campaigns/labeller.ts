export const ENGINES = ['gds', 'cypher'] as const;
export type EngineName = (typeof ENGINES)[number];

/** Runs one timed step of a detection run (CampaignDetector's), so runs report where time goes. */
export type Step = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/**
 * One contract for both engines: after `label(runId, step)`, over the weighted link graph
 * (weigh-links), every indicator with a link carries `campaignRun = runId` and a `campaignLabel` it
 * shares with the other members of its community; nothing else carries this run's id. Communities
 * may be cut finer than operations: merge-communities joins them after either engine.
 */
export interface Labeller {
  readonly engine: EngineName;
  label(runId: string, step: Step): Promise<void>;
}
