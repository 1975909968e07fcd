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
    const [outcome] = await context.ingest.submit([report]);
    return outcome as SubmitOutcome;
  }

  @Mutation(() => [SubmitResult], { description: 'One result per item, in order; each item is written whole or not at all.' })
  submitReports(
    @Arg('reports', () => [ReportInput]) reports: ReportInput[],
    @Ctx() context: RequestContext,
  ): Promise<SubmitResultSource[]> {
    return context.ingest.submit(reports);
  }

  @FieldResolver(() => Report, { nullable: true })
  async report(@Root() outcome: SubmitOutcome, @Ctx() context: RequestContext): Promise<Report | null> {
    return outcome.reportId ? ((await context.loaders.reportById.load(outcome.reportId)) as Report | null) : null;
  }
}
