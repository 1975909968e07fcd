import type { GraphExecutor } from '../graph/executor.js';
import type { Labeller } from './labeller.js';

/**
 * Pure Cypher, for servers without GDS (Aura Free, a bare Neo4j): connected components by min-label
 * propagation, in waves that each move labels one report further, until a wave changes nothing.
 * Components are not split further: the same campaigns as GDS wherever no component exceeds its split size.
 */
export class CypherLabeller implements Labeller {
  readonly engine = 'cypher';

  constructor(private readonly graph: GraphExecutor) {}

  async label(runId: string): Promise<void> {
    await this.graph.autoCommit('campaigns/seed-labels.min-label', { runId });
    for (let wave = 0; ; wave++) {
      const [spread] = await this.graph.autoCommit('campaigns/spread-labels.min-label', { runId, wave });
      if (!spread?.['changed']) return;
    }
  }
}
