import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { ReviewOutcome } from '../../review/review.service.js';
import type { RequestContext } from '../context.js';
import { badInput } from '../errors.js';
import { MessageReview, ReviewInput } from '../types/review.types.js';

/** Extraction over every text and a batched check per kind: about two checks' worth. */
const REVIEW = 100;

const answer = (outcome: ReviewOutcome & { reportId?: string }): MessageReview => {
  if (!outcome.ok) throw badInput(outcome.errors);
  const { review } = outcome;
  // Copies of the service's read-only lists: the GraphQL types declare theirs mutable.
  return {
    verdict: review.verdict,
    score: review.score,
    reasons: review.reasons,
    advice: review.advice,
    indicators: review.indicators.map(({ check, ...indicator }) => ({
      ...indicator,
      origins: [...indicator.origins],
      check: check && { ...check, reasons: [...check.reasons] },
    })),
    brand: review.brand && {
      ...review.brand,
      officialNumbers: [...review.brand.officialNumbers],
      officialDomains: [...review.brand.officialDomains],
    },
    attachments: [...review.attachments],
    reportId: outcome.reportId ?? null,
  };
};

@Resolver()
export class ReviewResolver {
  @Query(() => MessageReview, { complexity: REVIEW, description: 'Is this message a scam, and why? Reads only: nothing is written.' })
  async reviewMessage(@Arg('input', () => ReviewInput) input: ReviewInput, @Ctx() context: RequestContext): Promise<MessageReview> {
    return answer(await context.reviews.review(input));
  }

  @Mutation(() => MessageReview, {
    complexity: REVIEW,
    description: 'reviewMessage, then the message written as a report that carries its attachments.',
  })
  async submitReview(
    @Arg('input', () => ReviewInput) input: ReviewInput,
    @Arg('externalId', () => String, { nullable: true, description: 'Idempotency key, as for submitReport.' }) externalId: string | null,
    @Ctx() context: RequestContext,
  ): Promise<MessageReview> {
    return answer(await context.reviews.submit(input, externalId));
  }
}
