import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { joinLane } from '../graph/fair-share.js';
import { refusal, type ErrorCode } from '../graphql/errors.js';
import { PAGE_DEFAULT } from '../graphql/pagination.js';
import { WorkPool } from './work-pool.js';

export interface CostLimits {
  readonly maxDepth: number;
  readonly maxComplexity: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  /** Complexity points one key may spend per minute (per API process), beside its request rate. */
  readonly budgetPerMinute: number;
  /** Operations costing this much or more run in the heavy pool, `heavySlots` at once per process. */
  readonly heavyFrom: number;
  readonly heavySlots: number;
  /** How long a heavy operation may wait for a slot before TOO_BUSY (its deadline, in effect). */
  readonly heavyWaitMs: number;
}

/**
 * A page of `first` items (PAGE_DEFAULT when absent) costs `first` times what one item asks
 * for: 1 point an item and field. Measured (scripts/bench/field-costs.ts, 10,000 reports):
 * crossBrandNumbers(first: 100) { edges { node { e164 } } } is 301 points and took 3.8 ms, a
 * number's reports(first: 100) 301 points and 15.6 ms: pages are priced above their work.
 */
const pageEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'first')) return undefined;
  const first = typeof args['first'] === 'number' ? args['first'] : PAGE_DEFAULT;
  return 1 + first * Math.max(childComplexity, 1);
};

/**
 * Costing coerces the variables, so a variable of the wrong type fails here first: it is the
 * client's error (BAD_USER_INPUT, as graphql-js would say later), not the server's.
 */
function costOf(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined): number {
  try {
    return getComplexity({
      schema,
      query,
      variables,
      ...(operationName ? { operationName } : {}),
      // A field's own price (`complexity:` next to it, src/graphql/resolvers) before the page rule.
      estimators: [fieldExtensionsEstimator(), pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    throw refusal('BAD_USER_INPUT', error instanceof Error ? error.message : 'invalid variables');
  }
}

/** Runs one graphql-armor rule; true when it would refuse the document. */
function rejects(schema: GraphQLSchema, document: DocumentNode, rule: (onReject: () => void) => ValidationRule): boolean {
  let rejected = false;
  validate(schema, document, [rule(() => (rejected = true))]);
  return rejected;
}

/**
 * The key a cost is kept under, or null for variables JSON cannot write: nested thousands deep,
 * JSON.stringify runs out of stack, and such variables go to costOf, which refuses them with a code.
 */
function costKeyOf(operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string | null {
  try {
    return JSON.stringify([operationName ?? null, variables ?? {}]);
  } catch {
    return null;
  }
}

/** Most costs kept per document (one per set of variables): an analyst's query asked of many keys. */
const COSTS_PER_DOCUMENT = 256;
/** Variables longer than this (as JSON) are costed every time: a cache of 5 MB keys would cost more than it saves. */
const COST_KEY_MAX = 1_024;

/**
 * What the checks below decided for one document, kept as long as the document is. Apollo hands
 * every request with the same query text the same DocumentNode (its parsed-document cache), so
 * the three armor walks and the cost walk run once per query text (and variables), not per
 * request: they were 60% of the server's own time per request, and a key flooding one document
 * past its budget paid them on every refusal (scripts/bench/flood-scenario.ts).
 */
type ArmorCode = Extract<ErrorCode, 'QUERY_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'TOO_MANY_DIRECTIVES'>;
interface DocumentChecks {
  /** The first armor rule the document breaks; null: none; undefined: not checked yet. */
  refusal: ArmorCode | null | undefined;
  readonly costs: Map<string, number>;
}

/** Requests the cost control found heavy and gave a slot: heavy-lane.ts sends them to the lane process. */
const heavyRequests = new WeakSet<object>();
export const isHeavy = (request: object): boolean => heavyRequests.has(request);

/**
 * Refuses an operation before any resolver runs: nested deeper than maxDepth (QUERY_TOO_DEEP),
 * more aliases or directives than allowed (TOO_MANY_ALIASES, TOO_MANY_DIRECTIVES), costing
 * more than maxComplexity (QUERY_TOO_COMPLEX), or more than the key has left of its budget
 * this minute (COST_BUDGET_EXCEEDED, 429, with retryAfterSeconds). A heavy operation then waits
 * for a slot of the heavy pool (TOO_BUSY, 503, when none frees in time).
 */
export function costControl<Context extends { readonly caller: { readonly keyId: string } }>(
  schema: GraphQLSchema,
  limits: CostLimits,
): ApolloServerPlugin<Context> {
  const budget = new RateLimiterMemory({ points: limits.budgetPerMinute, duration: 60 });
  const heavy = new WorkPool(limits.heavySlots);
  const armor = { propagateOnRejection: false, exposeLimits: true } as const;
  const checked = new WeakMap<DocumentNode, DocumentChecks>();
  const armorRefusal = (document: DocumentNode): DocumentChecks['refusal'] => {
    if (rejects(schema, document, (onReject) => maxDepthRule({ ...armor, n: limits.maxDepth, onReject: [onReject] })))
      return 'QUERY_TOO_DEEP';
    if (rejects(schema, document, (onReject) => maxAliasesRule({ ...armor, n: limits.maxAliases, onReject: [onReject] })))
      return 'TOO_MANY_ALIASES';
    if (rejects(schema, document, (onReject) => maxDirectivesRule({ ...armor, n: limits.maxDirectives, onReject: [onReject] })))
      return 'TOO_MANY_DIRECTIVES';
    return null;
  };
  const messages: Record<ArmorCode, string> = {
    QUERY_TOO_DEEP: `queries may nest at most ${limits.maxDepth} levels`,
    TOO_MANY_ALIASES: `an operation may hold at most ${limits.maxAliases} aliases`,
    TOO_MANY_DIRECTIVES: `an operation may hold at most ${limits.maxDirectives} directives`,
  };
  return {
    async requestDidStart() {
      let release = () => {};
      return {
        async willSendResponse() {
          release();
        },
        async didResolveOperation({ document, request, contextValue }) {
          let checks = checked.get(document);
          if (!checks) checked.set(document, (checks = { refusal: undefined, costs: new Map() }));
          if (checks.refusal === undefined) checks.refusal = armorRefusal(document); // not ??=: null (none broken) is an answer too
          if (checks.refusal) throw refusal(checks.refusal, messages[checks.refusal]);
          const costKey = costKeyOf(request.operationName, request.variables);
          let complexity = costKey === null ? undefined : checks.costs.get(costKey);
          if (complexity === undefined) {
            complexity = costOf(schema, document, request.variables ?? {}, request.operationName);
            if (checks.costs.size >= COSTS_PER_DOCUMENT) checks.costs.clear();
            if (costKey !== null && costKey.length <= COST_KEY_MAX) checks.costs.set(costKey, complexity);
          }
          if (complexity > limits.maxComplexity) {
            throw refusal('QUERY_TOO_COMPLEX', `this query would cost ${complexity}; the limit is ${limits.maxComplexity}`, { complexity });
          }
          try {
            await budget.consume(contextValue.caller.keyId, complexity);
          } catch (spent) {
            if (!(spent instanceof RateLimiterRes)) throw spent;
            const retryAfterSeconds = Math.ceil(spent.msBeforeNext / 1000);
            throw refusal(
              'COST_BUDGET_EXCEEDED',
              `this query would cost ${complexity}; this key has spent its ${limits.budgetPerMinute} a minute; retry in ${retryAfterSeconds} s`,
              { complexity, retryAfterSeconds },
            );
          }
          joinLane(contextValue.caller.keyId, complexity >= limits.heavyFrom);
          if (complexity >= limits.heavyFrom) {
            const slot = await heavy.acquire(limits.heavyWaitMs);
            if (!slot) {
              throw refusal('TOO_BUSY', `heavy operations (${limits.heavyFrom} points or more) are all running; retry shortly`, {
                complexity,
              });
            }
            release = slot;
            heavyRequests.add(request);
          }
        },
      };
    },
  };
}
