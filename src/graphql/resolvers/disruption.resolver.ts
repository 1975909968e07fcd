import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DisruptionRefusedError } from '../../disruption/disruption-errors.js';
import type { EscalationCandidate as Candidate } from '../../disruption/disruption.service.js';
import type { DisruptionStatus } from '../../disruption/transitions.js';
import { INDICATOR_KINDS, indicatorNode } from '../../infrastructure/indicator-node.js';
import type { RequestContext } from '../context.js';
import { badInput, ScamgraphError } from '../errors.js';
import { pageRequest, toConnection, type CursorKey } from '../pagination.js';
import type { Connection } from '../types/connection.type.js';
import {
  Disruption,
  DisruptionStatusEnum,
  EscalationCandidate,
  EscalationCandidateConnection,
  TimeToBlock,
} from '../types/disruption.types.js';
import { Domain, PhoneNumber } from '../types/indicator.types.js';

/** The ranking as a cursor: score and reports descending, then id ascending (DisruptionService's order). */
const rankOf = (candidate: Candidate): CursorKey => [candidate.score ?? -1, candidate.reportCount, `${candidate.kind}:${candidate.value}`];
const ranksAfter = (candidate: Candidate, [score, reports, id]: CursorKey): boolean => {
  const [ownScore, ownReports, ownId] = rankOf(candidate) as [number, number, string];
  return ownScore !== score
    ? ownScore < (score as number)
    : ownReports !== reports
      ? ownReports < (reports as number)
      : ownId > (id as string);
};

@Resolver()
export class DisruptionResolver {
  @Mutation(() => Disruption, {
    description: "Moves an indicator's disruption on (ADMIN); a move the workflow does not allow is INVALID_TRANSITION.",
  })
  async setDisruptionStatus(
    @Arg('kind', () => String, { description: 'phone, domain, url, email, wallet or bank_account.' }) kind: string,
    @Arg('value', () => String) value: string,
    @Arg('status', () => DisruptionStatusEnum) status: DisruptionStatus,
    @Arg('escalatedTo', () => String, {
      nullable: true,
      description: 'The telco, registrar or platform: required with ESCALATED, refused otherwise.',
    })
    escalatedTo: string | null,
    @Arg('reference', () => String, { nullable: true, description: 'Their case reference: required with ESCALATED.' })
    reference: string | null,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() context: RequestContext,
  ): Promise<Disruption> {
    const node = indicatorNode(kind, value);
    if (!node.ok) {
      throw badInput([
        { field: (INDICATOR_KINDS as readonly string[]).includes(kind) ? 'value' : 'kind', code: node.code, message: node.message },
      ]);
    }
    try {
      return (await context.disruption.setStatus(node.value, {
        status,
        escalatedTo,
        reference,
        note,
        actor: context.caller.keyId,
      })) as Disruption;
    } catch (error) {
      if (error instanceof DisruptionRefusedError) throw new ScamgraphError(error.code, error.message);
      throw error;
    }
  }

  @Query(() => EscalationCandidateConnection, {
    description: 'Indicators NEW or UNDER_REVIEW in the disruption workflow, riskiest first (check score, then reports).',
  })
  async awaitingEscalation(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<Connection<EscalationCandidate>> {
    const page = pageRequest(first, after);
    const ranked = await context.disruption.awaitingEscalation();
    const rest = page.after ? ranked.filter((candidate) => ranksAfter(candidate, page.after as CursorKey)) : ranked;
    return toConnection(
      rest.slice(0, page.first + 1).map((node) => ({ node, cursor: rankOf(node) })),
      page.first,
      ranked.length,
    );
  }

  @Query(() => [TimeToBlock], { description: 'Median hours from first report to BLOCKED, per party the indicators were escalated to.' })
  async timeToBlock(@Ctx() context: RequestContext): Promise<TimeToBlock[]> {
    return (await context.disruption.timeToBlock()) as TimeToBlock[];
  }
}

@Resolver(() => PhoneNumber)
export class PhoneNumberDisruptionResolver {
  @FieldResolver(() => Disruption, { description: 'Where blocking it stands; NEW when nobody has reviewed it.' })
  async disruption(@Root() phone: PhoneNumber, @Ctx() context: RequestContext): Promise<Disruption> {
    return (await context.disruptionByKey.load(`phone:${phone.e164}`)) as Disruption;
  }
}

@Resolver(() => Domain)
export class DomainDisruptionResolver {
  @FieldResolver(() => Disruption, { description: 'Where taking it down stands; NEW when nobody has reviewed it.' })
  async disruption(@Root() domain: Domain, @Ctx() context: RequestContext): Promise<Disruption> {
    return (await context.disruptionByKey.load(`domain:${domain.name}`)) as Disruption;
  }
}

export const DISRUPTION_RESOLVERS = [DisruptionResolver, PhoneNumberDisruptionResolver, DomainDisruptionResolver] as const;
