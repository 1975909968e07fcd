import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { Caller } from '../auth/api-key.service.js';
import { allowedRoles } from '../auth/roles.js';
import { joinLane } from '../graph/fair-share.js';
import type { ErrorCode } from '../graphql/error-codes.js';
import { encodeCursor } from '../monitoring/feed.js';
import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from '../taxii/taxii-collections.js';
import { TaxiiRefusedError } from '../taxii/taxii-error.js';
import type { TaxiiPage } from '../taxii/taxii-paging.js';
import { parseTaxiiQuery, versionOf } from '../taxii/taxii-query.js';
import type { TaxiiService } from '../taxii/taxii.service.js';
import { quote } from '../text/excerpt.js';
import type { Authenticator } from './authentication.js';
import { refusalOf, refusalStatus } from './refusal.js';

/** Where the server is mounted, and its one API root. */
export const TAXII_PATH = '/taxii2';
const API_ROOT = 'scamgraph';

/** Read-only collections take no body. */
const MAX_CONTENT_LENGTH = 0;

const CHALLENGES = ['Basic realm="scamgraph TAXII", charset="UTF-8"', 'Bearer realm="scamgraph TAXII"'];

/** TAXII 2.1 §1.6.8.1: `application/taxii+json` without a version means the newest, 2.1; so do the wildcards. */
function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const version = params.find((param) => param.startsWith('version='))?.slice('version='.length);
    if (type === '*/*' || type === 'application/*') return true;
    return type === 'application/taxii+json' && (version === undefined || version === '2.1');
  });
}

/** `Authorization: Basic` with the key as the password (taxii2-client's user and password), as the Bearer the authenticator reads. */
function bearer(authorization: string | undefined): string | undefined {
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!basic) return authorization;
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  return `Bearer ${decoded.slice(decoded.indexOf(':') + 1)}`;
}

const send = (response: Response, body: unknown, status = 200) =>
  response
    .status(status)
    .setHeader('content-type', TAXII_MEDIA_TYPE)
    .setHeader('cache-control', 'private, no-store')
    .send(Buffer.from(JSON.stringify(body)));

/** A TAXII error message (§3.6.1) carrying the registry's code and its status. */
function refuse(response: Response, code: ErrorCode, description: string, retryAfterSeconds?: number) {
  if (code === 'UNAUTHENTICATED') response.setHeader('www-authenticate', CHALLENGES);
  const status = refusalStatus(response, { code, message: description, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
  return send(response, { title: description.split(';')[0], description, error_code: code, http_status: String(status) }, status);
}

/** A page as an envelope (§3.7), `next` naming where it ended, with the first and last date_added in headers (§3.4.3). */
function page(response: Response, result: TaxiiPage, entries: unknown[]) {
  const [first, last] = [result.items[0], result.items.at(-1)];
  if (first && last) response.setHeader('x-taxii-date-added-first', first.dateAdded).setHeader('x-taxii-date-added-last', last.dateAdded);
  const end = result.end ?? (last ? { at: last.dateAdded, id: last.key } : null);
  return send(response, {
    more: result.more,
    ...(result.more && end ? { next: encodeCursor(end.at, end.id) } : {}),
    ...(entries.length > 0 ? { objects: entries } : {}),
  });
}

/**
 * TAXII 2.1 (read-only) at /taxii2/: discovery, the API root `scamgraph`, its collections, their
 * objects and manifests, for an ANALYST or ADMIN key sent as `Authorization: Bearer <key>` or as
 * the password of HTTP Basic (any user name), within the key's request rate like the feeds. Every
 * answer is `application/taxii+json;version=2.1`; an Accept header that allows no TAXII 2.1 gets
 * 406. Collections' reads count as heavy (src/graph/fair-share.ts), as evidence downloads do.
 */
export function taxiiRoutes(authenticator: Authenticator, taxii: TaxiiService, logger: Logger): Router {
  const router = Router();
  const handle =
    (heavy: boolean, work: (request: Request, response: Response) => Promise<unknown>) => async (request: Request, response: Response) => {
      try {
        const caller: Caller = await authenticator.caller(bearer(request.headers.authorization));
        if (!allowedRoles('query', 'checkNumbers').includes(caller.role))
          return refuse(response, 'FORBIDDEN', `TAXII needs an ANALYST or ADMIN key; this key is ${caller.role}`);
        if (!acceptsTaxii(request.headers.accept))
          return refuse(
            response,
            'NOT_ACCEPTABLE',
            `this server answers ${TAXII_MEDIA_TYPE} only; Accept was ${quote(request.headers.accept)}`,
          );
        joinLane(caller.keyId, heavy);
        return await work(request, response);
      } catch (error) {
        if (error instanceof TaxiiRefusedError) return refuse(response, error.code, error.message);
        const refusal = refusalOf(error);
        if (refusal) return refuse(response, refusal.code, refusal.message, refusal.retryAfterSeconds);
        logger.error({ err: error }, 'a TAXII request failed');
        return refuse(response, 'INTERNAL_SERVER_ERROR', 'internal error');
      }
    };
  const root = (request: Request) => `${request.protocol}://${request.get('host')}${TAXII_PATH}/${API_ROOT}/`;
  const collectionOf = async (request: Request) => {
    const collection = await taxii.collection(String(request.params['collection']));
    if (!collection) throw new TaxiiRefusedError('NOT_FOUND', `no collection ${quote(request.params['collection'])} in this API root`);
    return collection;
  };
  const objectsOf = async (request: Request, query = parseTaxiiQuery(request.query as Record<string, unknown>)): Promise<TaxiiPage> => {
    const result = await taxii.objects(String(request.params['collection']), query);
    if (!result) throw new TaxiiRefusedError('NOT_FOUND', `no collection ${quote(request.params['collection'])} in this API root`);
    return result;
  };
  /** One object's versions (one), or NOT_FOUND: the walk stops at the first match. */
  const oneObject = async (request: Request) => {
    const query = parseTaxiiQuery(request.query as Record<string, unknown>);
    const result = await objectsOf(request, { ...query, after: null, limit: 1, ids: new Set([String(request.params['object'])]) });
    if (result.items.length === 0)
      throw new TaxiiRefusedError('NOT_FOUND', `no object ${quote(request.params['object'])} in this collection`);
    return { ...result, more: false };
  };

  router.get(
    '/',
    handle(false, async (request, response) =>
      send(response, {
        title: 'scamgraph',
        description: "Scam infrastructure intelligence: scamgraph's high-risk indicators and its campaigns' evidence, read-only.",
        default: root(request),
        api_roots: [root(request)],
      }),
    ),
  );
  router.get(
    `/${API_ROOT}/`,
    handle(false, async (_request, response) =>
      send(response, {
        title: 'scamgraph',
        description: 'Read-only collections fed from the graph: high-risk indicators, and one per active campaign.',
        versions: [TAXII_MEDIA_TYPE],
        max_content_length: MAX_CONTENT_LENGTH,
      }),
    ),
  );
  router.get(
    `/${API_ROOT}/collections/`,
    handle(false, async (_request, response) => send(response, { collections: await taxii.collections() })),
  );
  router.get(
    `/${API_ROOT}/collections/:collection/`,
    handle(false, async (request, response) => send(response, await collectionOf(request))),
  );
  const objectsPage = (read: (request: Request) => Promise<TaxiiPage>) =>
    handle(true, async (request, response) => {
      const result = await read(request);
      return page(
        response,
        result,
        result.items.map((each) => each.object),
      );
    });
  router.get(`/${API_ROOT}/collections/:collection/objects/`, objectsPage(objectsOf));
  router.get(`/${API_ROOT}/collections/:collection/objects/:object/`, objectsPage(oneObject));
  router.get(
    `/${API_ROOT}/collections/:collection/objects/:object/versions/`,
    handle(true, async (request, response) => {
      const result = await oneObject(request);
      return send(response, { more: false, versions: result.items.map((each) => versionOf(each.object) ?? each.dateAdded) });
    }),
  );
  router.get(
    `/${API_ROOT}/collections/:collection/manifest/`,
    handle(true, async (request, response) => {
      const result = await objectsOf(request);
      const entries = result.items.map((each) => ({
        id: each.object.id,
        date_added: each.dateAdded,
        version: versionOf(each.object) ?? each.dateAdded,
        media_type: STIX_MEDIA_TYPE,
      }));
      return page(response, result, entries);
    }),
  );
  router.use(
    handle(false, async (request) => {
      throw new TaxiiRefusedError('NOT_FOUND', `no TAXII resource at ${quote(request.path)}; discovery is ${TAXII_PATH}/`);
    }),
  );
  return router;
}
