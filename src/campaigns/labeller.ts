export const ENGINES = ['gds', 'cypher'] as const;
export type EngineName = (typeof ENGINES)[number];

/**
 * One contract for both engines: after `label(runId)`, every linking indicator that shares a report
 * with another linking indicator carries `campaignRun = runId` and a `campaignLabel` that it shares
 * exactly with the other members of its community; nothing else carries this run's id.
 */
export interface Labeller {
  readonly engine: EngineName;
  label(runId: string): Promise<void>;
}
