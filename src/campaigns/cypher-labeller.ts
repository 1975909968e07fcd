import type { GraphExecutor } from '../graph/executor.js';
import { COMMUNITY_SHARES } from './detection-parameters.js';
import type { Labeller, Step } from './labeller.js';

/**
 * Pure Cypher, for servers without GDS (Aura Free, a bare Neo4j): min-label components over the core
 * links only (backed by two reports or more between indicators named more than once), in waves that
 * each move labels one link further, until a wave changes nothing. A bridge report is one report, so
 * it joins no cores; merge-communities places leaves and settles thin ties after.
 */
export class CypherLabeller implements Labeller {
  readonly engine = 'cypher';

  constructor(private readonly graph: GraphExecutor) {}

  async label(runId: string, step: Step): Promise<void> {
    await step('label.seed', () => this.graph.autoCommitCounted('campaigns/seed-labels.min-label', { runId }));
    await step('label.spread', async () => {
      for (let wave = 0; ; wave++) {
        const { coreReports, coreWeight, coreShare, coreShareOfBusier } = COMMUNITY_SHARES;
        const { rows } = await step(`label.spread.${wave}`, () =>
          this.graph.autoCommitCounted('campaigns/spread-labels.min-label', {
            runId,
            wave,
            coreReports,
            coreWeight,
            coreShare,
            coreShareOfBusier,
          }),
        );
        if (!rows[0]?.['changed']) return;
      }
    });
  }
}
