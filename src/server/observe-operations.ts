import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { Metrics } from '../observability/metrics.js';

/**
 * Counts and times every operation by name, and logs failures with the request id. Variables
 * are never logged: they hold victims' messages.
 */
export function observeOperations<Context extends { requestId: string }>(metrics: Metrics, logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request, contextValue }) {
      const stopTimer = metrics.graphqlDuration.startTimer();
      metrics.graphqlInFlight.inc();
      let operation = request.operationName ?? 'anonymous';
      return {
        async didResolveOperation(requestContext) {
          operation =
            requestContext.operationName ??
            requestContext.operation?.selectionSet.selections
              .map((selection) => ('name' in selection && selection.name ? selection.name.value : '?'))
              .join(',') ??
            operation;
        },
        async willSendResponse({ errors, response }) {
          metrics.graphqlInFlight.dec();
          stopTimer({ operation });
          // A result another process made (the heavy lane's, heavy-lane.ts) has errors in its body only.
          const answeredErrors = response.body.kind === 'single' && !!response.body.singleResult.errors?.length;
          metrics.graphqlRequests.inc({ operation, outcome: errors?.length || answeredErrors ? 'error' : 'ok' });
          const internal = errors?.filter((error) => !error.extensions['code'] || error.extensions['code'] === 'INTERNAL_SERVER_ERROR');
          if (internal?.length) {
            logger.error(
              { requestId: contextValue.requestId, operation, errors: internal.map((error) => error.message) },
              'operation failed',
            );
          }
        },
      };
    },
  };
}
