import type { ApolloServerPlugin } from '@apollo/server';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ScamgraphError } from '../graphql/errors.js';

export interface CostLimits {
  readonly maxDepth: number;
  readonly maxComplexity: number;
}

/** A page of `first` items costs `first` times what one item asks for. */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args['first'] === 'number' ? 1 + args['first'] * Math.max(childComplexity, 1) : undefined;

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
      estimators: [pageEstimator, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    throw new ScamgraphError('BAD_USER_INPUT', error instanceof Error ? error.message : 'invalid variables', { http: { status: 400 } });
  }
}

/**
 * Refuses an operation before any resolver runs when it nests deeper than maxDepth
 * (QUERY_TOO_DEEP) or would cost more than maxComplexity (QUERY_TOO_COMPLEX).
 */
export function costControl<Context extends object>(schema: GraphQLSchema, limits: CostLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          let depthRefused = false;
          validate(schema, document, [
            maxDepthRule({ n: limits.maxDepth, propagateOnRejection: false, onReject: [() => (depthRefused = true)] }),
          ]);
          if (depthRefused) {
            throw new ScamgraphError('QUERY_TOO_DEEP', `queries may nest at most ${limits.maxDepth} levels`, { http: { status: 400 } });
          }
          const complexity = costOf(schema, document, request.variables ?? {}, request.operationName);
          if (complexity > limits.maxComplexity) {
            throw new ScamgraphError('QUERY_TOO_COMPLEX', `this query would cost ${complexity}; the limit is ${limits.maxComplexity}`, {
              complexity,
              http: { status: 400 },
            });
          }
        },
      };
    },
  };
}
