import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { SubmitOutcome } from '../../ingest/ingest.service.js';
import type { RequestContext } from '../context.js';
import { ReportInput } from '../types/inputs.js';
import { Report } from '../types/report.type.js';
import { SubmitResult } from '../types/submit.types.js';

type SubmitResultSource = SubmitOutcome & Omit<SubmitResult, 'report' | 'errors'>;

@Resolver(() => SubmitResult)
export class IngestResolver {
  @Mutation(() => SubmitResult)
  async submitReport(@Arg('report', () => ReportInput) report: ReportInput, @Ctx() context: RequestContext): Promise<SubmitResultSource> {
    const [outcome] = await this.submitted(context, [report]);
    return outcome as SubmitOutcome;
  }

  @Mutation(() => [SubmitResult], { description: 'One result per item, in order; each item is written whole or not at all.' })
  submitReports(
    @Arg('reports', () => [ReportInput]) reports: ReportInput[],
    @Ctx() context: RequestContext,
  ): Promise<SubmitResultSource[]> {
    return this.submitted(context, reports);
  }

  private async submitted(context: RequestContext, reports: ReportInput[]): Promise<SubmitOutcome[]> {
    const outcomes = await context.ingest.submit(reports);
    for (const outcome of outcomes) {
      const result = outcome.errors.length > 0 ? 'rejected' : outcome.duplicate ? 'duplicate' : 'accepted';
      context.metrics.reportsIngested.inc({ result });
    }
    return outcomes;
  }

  @FieldResolver(() => Report, { nullable: true })
  async report(@Root() outcome: SubmitOutcome, @Ctx() context: RequestContext): Promise<Report | null> {
    return outcome.reportId ? await context.loaders.reportById.load(outcome.reportId) : null;
  }
}
