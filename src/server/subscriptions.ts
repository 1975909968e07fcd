import type http from 'node:http';
import { GraphQLError, getOperationAST, Kind, parse, subscribe, validate, execute, type GraphQLSchema } from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { allowedRoles } from '../auth/roles.js';
import type { RequestContext } from '../graphql/context.js';

const refusal = (code: string, message: string) => [new GraphQLError(message, { extensions: { code } })];

/**
 * GraphQL subscriptions over graphql-ws on the GraphQL path (HTTP serves queries and mutations only).
 * The key comes in connection_init's payload as `{ authorization: "Bearer <key>" }`: a socket
 * without a valid key is closed with 4403, and each subscription is checked against the key's role
 * as an HTTP operation is. Returns what stops it: open sockets are closed.
 */
export function serveSubscriptions(
  httpServer: http.Server,
  path: string,
  schema: GraphQLSchema,
  buildContext: (authorization: string | undefined, requestId: string) => Promise<RequestContext>,
  logger: Logger,
): () => Promise<void> {
  const sockets = new WebSocketServer({ server: httpServer, path });
  const contexts = new WeakMap<Context, RequestContext>();
  let connections = 0;
  const server = useServer(
    {
      schema,
      execute,
      subscribe,
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.['authorization'];
        try {
          contexts.set(ctx, await buildContext(typeof authorization === 'string' ? authorization : undefined, `ws-${++connections}`));
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        const context = contexts.get(ctx);
        if (!context) return refusal('UNAUTHENTICATED', 'send an API key in connection_init as { authorization: "Bearer <key>" }');
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return [...errors];
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription')
          return refusal('BAD_USER_INPUT', 'over WebSocket only subscriptions are served; send queries and mutations over HTTP');
        const fields = operation.selectionSet.selections.flatMap((selection) =>
          selection.kind === Kind.FIELD ? [selection.name.value] : [],
        );
        const refused = fields.filter(
          (field) => !field.startsWith('__') && !allowedRoles('subscription', field).includes(context.caller.role),
        );
        if (refused.length > 0) return refusal('FORBIDDEN', `a ${context.caller.role} key may not subscribe to ${refused.join(', ')}`);
        return {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue: context,
        };
      },
      onError: (_ctx, _id, _payload, errors) => {
        logger.debug({ errors: errors.map((error) => error.message) }, 'subscription refused');
      },
    },
    sockets,
  );
  return async () => {
    await server.dispose();
    await new Promise<void>((resolve) => sockets.close(() => resolve()));
  };
}
