import type { GraphExecutor } from '../graph/executor.js';
import type { Labeller } from './labeller.js';

/**
 * Graph Data Science: a Cypher projection of the weighted link graph, WCC over it, then Leiden inside
 * components larger than `splitSize`. The projection is dropped whatever happens.
 */
export class GdsLabeller implements Labeller {
  readonly engine = 'gds';

  constructor(
    private readonly graph: GraphExecutor,
    private readonly splitSize: number,
  ) {}

  async label(runId: string): Promise<void> {
    const graphName = `campaigns-${runId}`;
    try {
      const [projected] = await this.graph.write('campaigns/project-links.gds', { graphName });
      if (!projected?.['nodeCount']) return;
      await this.graph.autoCommit('campaigns/label-components.wcc', { graphName, runId });
      await this.graph.autoCommit('campaigns/split-large-components.leiden', { graphName, runId, splitSize: this.splitSize });
    } finally {
      await this.graph.write('campaigns/drop-projection.gds', { graphName });
    }
  }
}
