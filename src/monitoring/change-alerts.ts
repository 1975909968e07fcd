import type { CampaignFate } from '../campaigns/campaign-identity.js';
import type { StatusChanged } from '../disruption/disruption.service.js';
import { z } from 'zod';
import type { FollowUpStatement, Row } from '../graph/executor.js';
import { shaped } from '../graph/row-shape.js';
import type { AlertEvent } from './watch.js';

/** One alert for monitoring/write-alerts: a change no report made, so no report and no role. */
interface ChangeAlert {
  watchId: string;
  event: AlertEvent;
  subjectKind: string;
  subjectValue: string;
  reportId: null;
  from: string | null;
  to: string | null;
  campaignIds: readonly string[] | null;
}

/** monitoring/disruption-watches: each watch of the changed indicator, and that indicator. */
const DISRUPTION_WATCH_ROW = z.object({ watchId: z.string(), subjectKind: z.string(), subjectValue: z.string() });
/** monitoring/campaign-watches: each watch of a merged or split campaign, the event and its heirs. */
const CAMPAIGN_WATCH_ROW = z.object({
  watchId: z.string(),
  event: z.enum(['CAMPAIGN_MERGED', 'CAMPAIGN_SPLIT']),
  campaignId: z.string(),
  campaignIds: z.array(z.string()),
});

/** Within a watch, its alerts are numbered in subject order. */
const writeAlerts = (matches: ChangeAlert[]): FollowUpStatement | null =>
  matches.length === 0
    ? null
    : {
        name: 'monitoring/write-alerts',
        params: {
          write: {
            matches: [...matches]
              .sort((a, b) => compare(a.subjectValue, b.subjectValue))
              .map((match, rank) => ({ ...match, rank, role: null, resembles: null })),
          },
        },
      };
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The outbox of a disruption status change: its watches are found, then alerted, inside the change's
 * transaction. ESCALATED → ESCALATED hands the case to another party; the status itself stays, so no alert.
 */
export function disruptionAlerts({ disruptionKey, from, to }: StatusChanged): FollowUpStatement | null {
  if (from === to) return null;
  return {
    name: 'monitoring/disruption-watches',
    params: { disruptionKey },
    then: (rows: Row[]) =>
      writeAlerts(
        shaped('monitoring/disruption-watches', DISRUPTION_WATCH_ROW, rows).map(({ watchId, subjectKind, subjectValue }) => ({
          watchId,
          event: 'DISRUPTION_STATUS_CHANGED',
          subjectKind,
          subjectValue,
          reportId: null,
          from,
          to,
          campaignIds: null,
        })),
      ),
  };
}

/** The outbox of a detection run's merges and splits, inside the transaction that records them. */
export function campaignAlerts(fates: readonly CampaignFate[]): FollowUpStatement | null {
  if (fates.length === 0) return null;
  return {
    name: 'monitoring/campaign-watches',
    params: {
      fates: fates.map(({ id, status, into }) => ({
        id,
        event: status === 'MERGED' ? 'CAMPAIGN_MERGED' : 'CAMPAIGN_SPLIT',
        campaignIds: into,
      })),
    },
    then: (rows: Row[]) =>
      writeAlerts(
        shaped('monitoring/campaign-watches', CAMPAIGN_WATCH_ROW, rows).map(({ watchId, event, campaignId, campaignIds }) => ({
          watchId,
          event,
          subjectKind: 'campaign',
          subjectValue: campaignId,
          reportId: null,
          from: null,
          to: null,
          campaignIds,
        })),
      ),
  };
}
