import type { GraphExecutor } from '../graph/executor.js';
import { COMMUNITY_SHARES } from './detection-parameters.js';
import type { Labeller, Step } from './labeller.js';

/**
 * Graph Data Science: the core links of the weighted link graph (weigh-links) projected, weighted
 * Leiden over them, the communities written back; merge-communities places leaves and joins what
 * Leiden cut too fine. The projection is dropped whatever happens.
 */
export class GdsLabeller implements Labeller {
  readonly engine = 'gds';

  constructor(private readonly graph: GraphExecutor) {}

  async label(runId: string, step: Step): Promise<void> {
    const graphName = `campaigns-${runId}`;
    // Every linked indicator starts alone, as in the Cypher engine: leaves stay out of the projection.
    await step('label.seed', () => this.graph.autoCommitCounted('campaigns/seed-labels.min-label', { runId }));
    try {
      const { coreReports, coreWeight, coreShare, coreShareOfBusier } = COMMUNITY_SHARES;
      const [projected] = await step('label.projection', () =>
        this.graph.write('campaigns/project-links.gds', { graphName, coreReports, coreWeight, coreShare, coreShareOfBusier }),
      );
      if (!projected?.['nodeCount']) return;
      await step('label.leiden', () =>
        this.graph.autoCommitCounted('campaigns/label-communities.leiden', { graphName, gamma: COMMUNITY_SHARES.leidenGamma }),
      );
    } finally {
      await this.graph.write('campaigns/drop-projection.gds', { graphName });
    }
  }
}
