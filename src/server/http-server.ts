import { randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import type { FormattedExecutionResult, GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { RequestContext } from '../graphql/context.js';
import { httpStatusOf, type ErrorCode } from '../graphql/error-codes.js';
import type { Metrics } from '../observability/metrics.js';
import { authorization } from './authorization.js';
import { withDeadline } from '../graph/deadline.js';
import { FairShares, type ShareLimits } from '../graph/fair-share.js';
import { costControl, type CostLimits } from './cost-control.js';
import { inFlightLimit } from './in-flight-limit.js';
import { explorer } from './explorer.js';
import { heavyLaneForwarding, LANE_TOKEN_HEADER, stringifyResult, type HeavyLane } from './heavy-lane.js';
import { formatError } from './format-error.js';
import { observeOperations } from './observe-operations.js';
import { serveSubscriptions } from './subscriptions.js';
import { TAXII_PATH } from './taxii-routes.js';

export interface HttpServerOptions {
  readonly host: string;
  readonly port: number;
  readonly graphqlPath: string;
  readonly development: boolean;
  readonly bodyLimit: string;
  readonly schema: GraphQLSchema;
  readonly costLimits: CostLimits;
  readonly maxInFlightPerKey: number;
  readonly requestDeadlineMs: number;
  /** Reads in Neo4j at once per key, and of heavy operations (src/graph/fair-share.ts). */
  readonly readShares: ShareLimits;
  /** Builds a request's context from its Authorization header; throws to refuse the request. */
  readonly context: (authorization: string | undefined, requestId: string) => Promise<RequestContext>;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly isReady: () => Promise<boolean>;
  /** GET /evidence/...: evidence packs as files (src/server/evidence-downloads.ts). */
  readonly evidenceDownloads: Router;
  /** GET /feeds/indicators.<format>: what changed since a cursor, for blocking systems (src/server/feed-downloads.ts). */
  readonly feeds: Router;
  /** GET /taxii2/...: the TAXII 2.1 server, read-only collections of indicators and campaigns (src/server/taxii-routes.ts). */
  readonly taxii: Router;
  /** GET /brands/<slug>: public official-channels pages, without a key (src/server/brand-pages.ts). */
  readonly brandPages: Router;
  /** POST /attachments: uploads (src/server/attachment-uploads.ts); read by its own limits, not express.json. */
  readonly attachmentUploads: Router;
  /** Where heavy queries run (src/server/heavy-lane.ts); absent: here. */
  readonly heavyLane?: HeavyLane;
  /** Set in a heavy-lane process: every request must carry it (LANE_TOKEN_HEADER). */
  readonly laneToken?: string;
}

export interface RunningServer {
  readonly url: string;
  /**
   * Runs one operation in this process as a request's would run (Apollo's plugins, the resolvers, the
   * request's deadline and read shares), with a context the caller built: the heavy lane's warm-up.
   */
  execute(query: string, variables: Record<string, unknown>, context: RequestContext): Promise<FormattedExecutionResult>;
  /** Stops accepting, lets requests in flight finish, then resolves. */
  stop(): Promise<void>;
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  // Idle keep-alive connections live 65 s (Node's default is 5 s): a client that pauses a few seconds
  // between requests (a feed or TAXII poller, a test waiting on a validator) would otherwise reuse a
  // socket the server is closing at that moment and get ECONNRESET, as a test here did under load.
  // Longer than the 60 s idle timeout of common load balancers, so they close first, never this server.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError: formatError(options.development),
    includeStacktraceInErrorResponses: options.development,
    introspection: true,
    // Writes a heavy query's answer as the lane process wrote it, unparsed (heavy-lane.ts).
    stringifyResult,
    // A browser sends a cross-site request with an Authorization header only after a CORS
    // preflight, which this server never grants: such a request cannot be forged, so GET queries
    // with a key work (urql's default). Without the header the usual protection holds; mutations
    // are never run over GET.
    csrfPrevention: { requestHeaders: ['authorization', 'x-apollo-operation-name', 'apollo-require-preflight'] },
    // scripts/start.ts handles SIGTERM and SIGINT: requests drain, then its Neo4j stops.
    stopOnTerminationSignals: false,
    plugins: [
      // No field sets cache hints: the cache-control plugin only wrapped every field's resolver (55,000
      // fields in a 2,000-node campaign picture) to compute a policy that is never cacheable. Without it
      // the service's CPU for that picture went from about 460 to 400 ms (load 8, median of 6).
      ApolloServerPluginCacheControlDisabled(),
      // A drain waits out the longest a request may run (its deadline), so none in flight is cut off.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.requestDeadlineMs + 2_000 }),
      observeOperations(options.metrics, options.logger),
      authorization(),
      costControl(options.schema, options.costLimits),
      inFlightLimit(options.maxInFlightPerKey),
      ...(options.heavyLane ? [heavyLaneForwarding<RequestContext>(options.heavyLane)] : []),
    ],
  });
  await apollo.start();

  if (options.laneToken) app.use(laneOnly(options.laneToken));
  app.use(
    pinoHttp({
      logger: options.logger,
      genReqId: (request, response) => {
        const id = request.headers['x-request-id']?.toString().slice(0, 64) || randomUUID();
        response.setHeader('x-request-id', id);
        return id;
      },
      // Method, path and status only: no headers (API keys) and no bodies (victims' messages).
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          path: request.url.split('?')[0],
        }),
        res: (response: { statusCode: number }) => ({ status: response.statusCode }),
      },
    }),
  );
  app.get('/metrics', async (_request, response) => {
    response.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });
  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    const ready = await options.isReady().catch(() => false);
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unavailable' });
  });
  // A request's Cypher carries the time it has left (src/graph/deadline.ts). Entered after the
  // body is read: a stream's events would run outside it.
  // Its reads take their turns in a lane the cost control names once the caller is known.
  const shares = new FairShares(options.readShares);
  const deadline: RequestHandler = (_request, _response, next) =>
    withDeadline(Date.now() + options.requestDeadlineMs, () => shares.run(next));
  app.use('/evidence', deadline, options.evidenceDownloads);
  app.use('/feeds', deadline, options.feeds);
  app.use(TAXII_PATH, deadline, options.taxii);
  app.use('/brands', deadline, options.brandPages);
  app.use('/attachments', options.attachmentUploads);
  app.use('/explorer', explorer(options.graphqlPath));
  // GraphQL answers carry no ETag: Express hashes (SHA-1) every body `send` writes, on this event loop and in
  // proportion to the answer, and a heavy answer forwarded from the lane is megabytes (the flood: this process's
  // event-loop delay, p99 15 ms quiet, 42 ms beside one key's packs). An authenticated answer is not revalidated.
  const graphql = express();
  graphql.set('etag', false);
  graphql.use(
    express.json({ limit: options.bodyLimit }),
    deadline,
    expressMiddleware(apollo, { context: ({ req }) => options.context(req.headers.authorization, String(req.id)) }),
  );
  app.use(options.graphqlPath, graphql);

  app.use(bodyErrors);
  const stopSubscriptions = serveSubscriptions(httpServer, options.graphqlPath, options.schema, options.context, options.logger);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}${options.graphqlPath}`,
    execute: (query, variables, contextValue) =>
      withDeadline(Date.now() + options.requestDeadlineMs, () =>
        shares.run(async () => {
          const { body } = await apollo.executeOperation({ query, variables }, { contextValue });
          if (body.kind !== 'single') throw new Error('an operation to execute here must answer in one result');
          return body.singleResult;
        }),
      ),
    stop: async () => {
      await stopSubscriptions();
      await apollo.stop();
    },
  };
}

/** Errors from reading the body answer in GraphQL's shape with a code, never as an HTML page. */
const bodyErrors: ErrorRequestHandler = (error: { type?: string; status?: number }, _request, response, next) => {
  if (response.headersSent) return next(error);
  const [code, message]: [ErrorCode, string] =
    error.type === 'entity.too.large'
      ? ['PAYLOAD_TOO_LARGE', 'the request body is larger than the server accepts']
      : error.type === 'entity.parse.failed'
        ? ['BAD_REQUEST', 'the request body is not valid JSON']
        : ['INTERNAL_SERVER_ERROR', 'the request could not be read'];
  // Any other reading error keeps the status the body parser gave it.
  const status = code === 'INTERNAL_SERVER_ERROR' ? (error.status ?? httpStatusOf(code)) : httpStatusOf(code);
  response.status(status).json({ errors: [{ message, extensions: { code } }] });
};

/** A heavy-lane process answers its parent only: anyone else on this machine gets 403 (timing-safe). */
function laneOnly(token: string): RequestHandler {
  const expected = Buffer.from(token);
  return (request, response, next) => {
    const given = Buffer.from(String(request.headers[LANE_TOKEN_HEADER] ?? ''));
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    response.status(403).json({ errors: [{ message: 'this is an internal heavy-lane process', extensions: { code: 'FORBIDDEN' } }] });
  };
}
