import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { MonitoringRefusedError } from '../../monitoring/monitoring-errors.js';
import type { Alert as AlertRecord, WatchKind } from '../../monitoring/watch.js';
import type { RequestContext } from '../context.js';
import { ScamgraphError } from '../errors.js';
import { Alert, DeliveryAttempt, NewWatch, Watch, WatchKindEnum } from '../types/monitoring.types.js';

const ALERTS_MAX = 1_000;

/** Refusals from src/monitoring as coded GraphQL errors, with the field they are about. */
async function coded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MonitoringRefusedError) throw new ScamgraphError(error.code, error.message, { field: error.field });
    throw error;
  }
}

@Resolver()
export class WatchResolver {
  @Mutation(() => NewWatch, {
    description:
      'Watches a brand, campaign, indicator or number prefix for this key (ANALYST, ADMIN); with webhookUrl, alerts are also POSTed there, signed.',
  })
  createWatch(
    @Arg('kind', () => WatchKindEnum) kind: WatchKind,
    @Arg('target', () => String, { description: 'Brand slug, campaign id, indicator value, or prefix ("+61 4").' }) target: string,
    @Arg('indicatorKind', () => String, {
      nullable: true,
      description: 'With INDICATOR: phone, domain, url, email, wallet or bank_account.',
    })
    indicatorKind: string | null,
    @Arg('webhookUrl', () => String, { nullable: true }) webhookUrl: string | null,
    @Ctx() context: RequestContext,
  ): Promise<NewWatch> {
    return coded(() =>
      context.watches.create({
        owner: context.caller.keyId,
        kind,
        target,
        indicatorKind: indicatorKind ?? null,
        webhookUrl: webhookUrl ?? null,
      }),
    ) as Promise<NewWatch>;
  }

  @Mutation(() => ID, { description: "Ends one of this key's watches; its alerts stay, undelivered ones are CANCELLED." })
  async deleteWatch(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<string> {
    if (!(await context.watches.delete(context.caller.keyId, id)))
      throw new ScamgraphError('NOT_FOUND', `this key has no watch ${JSON.stringify(id.slice(0, 64))}`);
    return id;
  }

  @Query(() => [Watch], { description: "This key's watches, oldest first." })
  async watches(@Ctx() context: RequestContext): Promise<Watch[]> {
    return (await context.watches.list(context.caller.keyId)) as Watch[];
  }

  @Query(() => [Alert], { description: "This key's alerts after `after` (an alert id), oldest first." })
  alerts(
    @Arg('after', () => ID, { nullable: true }) after: string | null,
    @Arg('first', () => Int, { nullable: true, description: `At most ${ALERTS_MAX}; 100 when absent.` }) first: number | null,
    @Arg('watchId', () => ID, { nullable: true }) watchId: string | null,
    @Ctx() context: RequestContext,
  ): Promise<Alert[]> {
    const limit = Math.min(Math.max(first ?? 100, 1), ALERTS_MAX);
    return coded(() => context.alerts.after(context.caller.keyId, after ?? null, limit, watchId ?? null)) as Promise<Alert[]>;
  }
}

@Resolver(() => Alert)
export class AlertResolver {
  @FieldResolver(() => [DeliveryAttempt], { description: 'Every webhook attempt, in order.' })
  deliveryLog(@Root() alert: AlertRecord, @Ctx() context: RequestContext): Promise<DeliveryAttempt[]> {
    return context.alertDeliveries.load({ owner: context.caller.keyId, id: alert.id }) as Promise<DeliveryAttempt[]>;
  }

  @Subscription(() => Alert, {
    description:
      "This key's alerts as they commit (graphql-ws at the GraphQL path). With `after`, first every alert after that id: resuming misses none and repeats none.",
    subscribe: ({ args, context }) => {
      const { after, watchId } = args as { after?: string | null; watchId?: string | null };
      const ctx = context as RequestContext;
      return coded(() => ctx.alerts.stream(ctx.caller.keyId, after ?? null, watchId ?? null));
    },
  })
  alertAdded(
    @Root() alert: AlertRecord,
    @Arg('after', () => ID, { nullable: true }) _after: string | null,
    @Arg('watchId', () => ID, { nullable: true }) _watchId: string | null,
  ): AlertRecord {
    return alert;
  }
}
