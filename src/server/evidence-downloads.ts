import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Response } from 'express';
import { allowedRoles } from '../auth/roles.js';
import type { EvidencePack } from '../evidence/evidence-pack.js';
import type { EvidenceService } from '../evidence/evidence.service.js';
import { PACK_FORMATS } from '../evidence/pack-formats.js';
import type { ErrorCode } from '../graphql/error-codes.js';
import { joinLane } from '../graph/fair-share.js';
import { indicatorNode } from '../infrastructure/indicator-node.js';
import { quote } from '../text/excerpt.js';
import type { Authenticator } from './authentication.js';
import { refusalOf, refuseAsGraphql } from './refusal.js';

const FORMATS = Object.values(PACK_FORMATS);

const refuse = (response: Response, code: ErrorCode, message: string) => refuseAsGraphql(response, { code, message });

/**
 * GET /evidence/<kind>/<value>.<format> and /evidence/campaign/<id>.<format>, format json, csv,
 * stix.json or misp.json: the packs of the evidencePack queries as files, for a key that may
 * read (ANALYST or ADMIN), with the same 401, 403 and 429 answers as GraphQL. The digest is in
 * the X-Evidence-Digest header too, to check a file against. A file is streamed in pieces as
 * the client reads it, never rendered whole (src/evidence/pack-formats.ts); GraphQL's
 * `downloads` field links here.
 */
export function evidenceDownloads(authenticator: Authenticator, evidence: EvidenceService): Router {
  const router = Router();
  router.get('/:kind/:file', async (request, response, next) => {
    try {
      const caller = await authenticator.caller(request.headers.authorization);
      if (!allowedRoles('query', 'evidencePack').includes(caller.role)) {
        return refuse(response, 'FORBIDDEN', `evidence packs need an ANALYST or ADMIN key; this key is ${caller.role}`);
      }
      joinLane(caller.keyId, true);
      const { kind, file } = request.params;
      const format = FORMATS.find(({ suffix }) => file.endsWith(suffix) && file.length > suffix.length);
      if (!format) return refuse(response, 'NOT_FOUND', `ask for <value>${FORMATS.map(({ suffix }) => suffix).join(', ')}`);
      const { suffix, contentType } = format;
      const value = file.slice(0, -suffix.length);
      let pack: EvidencePack | null;
      if (kind === 'campaign') pack = await evidence.campaignPack(value);
      else {
        const node = indicatorNode(kind, value);
        if (!node.ok) return refuse(response, node.code, node.message);
        pack = await evidence.indicatorPack(node.value);
      }
      if (!pack) return refuse(response, 'NOT_FOUND', `no report names ${kind} ${quote(value)}`);
      response
        .type(contentType)
        .setHeader('content-disposition', `attachment; filename="evidence-${kind}-${value.replace(/[^\w.+-]/g, '_')}${suffix}"`)
        .setHeader('x-evidence-digest', pack.digest);
      // Streamed as the client reads: no Content-Length, pieces of about 64 KB, other requests served between them.
      return await pipeline(Readable.from(format.chunks(pack)), response).catch((error: unknown) => {
        // The client went away mid-file: nothing to answer. Anything else cut the file short, which the client sees.
        if ((error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE')
          request.log.warn({ err: error }, 'an evidence download stopped part-way');
      });
    } catch (error) {
      // Authentication, rate limits, deadlines and an unavailable database answer as GraphQL would, with the code's status.
      const refusal = refusalOf(error);
      if (refusal) return refuseAsGraphql(response, refusal);
      next(error);
    }
  });
  return router;
}
