import { Router, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { allowedRoles } from '../auth/roles.js';
import type { EvidencePack } from '../evidence/evidence-pack.js';
import type { EvidenceService } from '../evidence/evidence.service.js';
import { packCsv } from '../evidence/pack-csv.js';
import { packJson } from '../evidence/pack-json.js';
import { packMisp } from '../evidence/pack-misp.js';
import { packStix } from '../evidence/pack-stix.js';
import { joinLane } from '../graph/fair-share.js';
import { indicatorNode } from '../infrastructure/indicator-node.js';
import { quote } from '../text/excerpt.js';
import type { Authenticator } from './authentication.js';

/** Longest suffix first: "x.stix.json" is STIX, not plain JSON. */
const FORMATS: ReadonlyArray<readonly [string, string, (pack: EvidencePack) => string]> = [
  ['.stix.json', 'application/stix+json;version=2.1', packStix],
  ['.misp.json', 'application/json', packMisp],
  ['.json', 'application/json', packJson],
  ['.csv', 'text/csv; charset=utf-8', packCsv],
];

const refuse = (response: Response, status: number, code: string, message: string) =>
  response.status(status).json({ errors: [{ message, extensions: { code } }] });

/**
 * GET /evidence/<kind>/<value>.<format> and /evidence/campaign/<id>.<format>, format json, csv,
 * stix.json or misp.json: the packs of the evidencePack queries as files, for a key that may
 * read (ANALYST or ADMIN), with the same 401, 403 and 429 answers as GraphQL. The digest is in
 * the X-Evidence-Digest header too, to check a file against.
 */
export function evidenceDownloads(authenticator: Authenticator, evidence: EvidenceService): Router {
  const router = Router();
  router.get('/:kind/:file', async (request, response, next) => {
    try {
      const caller = await authenticator.caller(request.headers.authorization);
      if (!allowedRoles('query', 'evidencePack').includes(caller.role)) {
        return refuse(response, 403, 'FORBIDDEN', `evidence packs need an ANALYST or ADMIN key; this key is ${caller.role}`);
      }
      joinLane(caller.keyId, true);
      const { kind, file } = request.params;
      const format = FORMATS.find(([suffix]) => file.endsWith(suffix) && file.length > suffix.length);
      if (!format) return refuse(response, 404, 'NOT_FOUND', `ask for <value>${FORMATS.map(([suffix]) => suffix).join(', ')}`);
      const [suffix, contentType, render] = format;
      const value = file.slice(0, -suffix.length);
      let pack: EvidencePack | null;
      if (kind === 'campaign') pack = await evidence.campaignPack(value);
      else {
        const node = indicatorNode(kind, value);
        if (!node.ok) return refuse(response, 400, node.code, node.message);
        pack = await evidence.indicatorPack(node.value);
      }
      if (!pack) return refuse(response, 404, 'NOT_FOUND', `no report names ${kind} ${quote(value)}`);
      response
        .type(contentType)
        .setHeader('content-disposition', `attachment; filename="evidence-${kind}-${value.replace(/[^\w.+-]/g, '_')}${suffix}"`)
        .setHeader('x-evidence-digest', pack.digest)
        .send(render(pack));
    } catch (error) {
      // Authentication answers as GraphQL would: its code and HTTP status ride on the error.
      const status = (error instanceof GraphQLError && (error.extensions['http'] as { status?: number } | undefined)?.status) || 0;
      if (status > 0) return refuse(response, status, String((error as GraphQLError).extensions['code']), (error as GraphQLError).message);
      next(error);
    }
  });
  return router;
}
