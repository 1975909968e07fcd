import { z } from 'zod';
import type { EvidenceService } from '../evidence/evidence.service.js';
import { PACK_REPORT_LIMIT } from '../evidence/pack-content.js';
import { stixBundle } from '../evidence/pack-stix.js';
import { sdoId } from '../evidence/stix-ids.js';
import type { GraphExecutor } from '../graph/executor.js';
import { byPlace, dated, toDateAdded, type DatedObject, type StixObject } from './taxii-paging.js';

/** A row of taxii/campaign-report-times. */
const REPORT_TIME_ROW = z.object({ id: z.string(), writtenAt: z.string() });

/** Objects no report refers to that never change: added once, with the collection's first report. */
const UNCHANGING = new Set(['identity', 'extension-definition']);

/**
 * A campaign's collection: the objects of its evidence pack's STIX bundle (src/evidence/pack-stix.ts),
 * the same objects the pack exports. A report is added when it was written; an object reports refer
 * to (an observable, a brand, the campaign) when the newest of them was, since each such report
 * changes it (the campaign's figures, an observable's score); the impersonation relationships, whose
 * counts any report moves, with the newest report; the producer and extension definitions with the
 * first. Objects added after `until` wait for a later poll, as the indicator feed's reports do.
 * Null for a campaign with no pack.
 */
export async function campaignObjects(
  graph: GraphExecutor,
  evidence: EvidenceService,
  campaignId: string,
  until: string,
): Promise<DatedObject[] | null> {
  const [pack, times] = await Promise.all([
    evidence.campaignPack(campaignId),
    graph.readAs('taxii/campaign-report-times', REPORT_TIME_ROW, { id: campaignId, limit: PACK_REPORT_LIMIT }),
  ]);
  if (!pack) return null;
  const objects = stixBundle(pack)['objects'] as StixObject[];
  const written = new Map(times.map((row) => [sdoId('report', row.id), toDateAdded(row.writtenAt)]));
  // A report written between the two reads has no time yet: it is newer than `until` in any case.
  const reportAdded = (object: StixObject) => written.get(object.id) ?? '9999-12-31T23:59:59.999Z';
  const reports = objects.filter((object) => object.type === 'report');
  const refersTo = new Map<string, string>();
  for (const report of reports) {
    for (const ref of report['object_refs'] as string[]) {
      const at = reportAdded(report);
      if ((refersTo.get(ref) ?? '') < at) refersTo.set(ref, at);
    }
  }
  const all = reports.map(reportAdded).sort();
  const [first, newest] = [all[0] ?? until, all.at(-1) ?? until];
  return objects
    .map((object) =>
      dated(
        object,
        object.type === 'report' ? reportAdded(object) : (refersTo.get(object.id) ?? (UNCHANGING.has(object.type) ? first : newest)),
      ),
    )
    .filter((each) => each.dateAdded <= until)
    .sort(byPlace);
}
