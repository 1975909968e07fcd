import { z } from 'zod';
import type { FollowUpStatement, GraphExecutor } from '../graph/executor.js';
import { shaped } from '../graph/row-shape.js';
import { identify } from '../evidence/pack-content.js';
import { indicatorId } from '../infrastructure/indicator-node.js';
import type { StartNode } from '../infrastructure/neighbourhood.service.js';
import type { CheckService } from '../scoring/check.service.js';
import type { Check, Verdict } from '../scoring/verdict.js';
import { DisruptionRefusedError } from './disruption-errors.js';
import { allowedFrom, AWAITING_ESCALATION, DISRUPTION_STATUSES, TRANSITIONS, type DisruptionStatus } from './transitions.js';

export interface DisruptionChange {
  readonly seq: number;
  readonly from: DisruptionStatus;
  readonly to: DisruptionStatus;
  /** The API key id of whoever made the change. */
  readonly actor: string;
  readonly at: Date;
  readonly note: string | null;
  readonly escalatedTo: string | null;
  readonly reference: string | null;
}

export interface Disruption {
  readonly status: DisruptionStatus;
  readonly escalatedTo: string | null;
  readonly reference: string | null;
  readonly updatedAt: Date | null;
  readonly history: readonly DisruptionChange[];
}

export interface StatusChange {
  readonly status: DisruptionStatus;
  readonly escalatedTo: string | null;
  readonly reference: string | null;
  readonly note: string | null;
  readonly actor: string;
}

/** A status change as it committed: what watches on the indicator are told (src/monitoring). */
export interface StatusChanged {
  readonly disruptionKey: string;
  readonly from: DisruptionStatus;
  readonly to: DisruptionStatus;
}

/** The watch alerts of a change (src/monitoring): written in its own transaction, sent once it committed. */
export interface ChangeOutbox {
  inSameTransaction(change: StatusChanged): FollowUpStatement | null;
  committed(): void;
}

export interface EscalationCandidate {
  readonly kind: string;
  readonly value: string;
  readonly status: DisruptionStatus;
  /** The check's score and verdict (a URL and an email address by their domain); null for wallets and bank accounts, which have no check. */
  readonly score: number | null;
  readonly verdict: Verdict | null;
  readonly reportCount: number;
}

export interface TimeToBlock {
  readonly escalatedTo: string;
  readonly blocked: number;
  readonly medianHours: number;
}

const STATUS = z.enum(DISRUPTION_STATUSES);

/** A row of disruption/set-disruption-status: changedFrom null when the move was refused from `status`. */
const SET_STATUS_ROW = z.object({ status: STATUS, changedFrom: STATUS.nullable() });

/**
 * A row of disruption/disruptions-by-key. A change's properties come whole (c {.*}), so a null
 * note, party or reference is absent: read as null.
 */
const DISRUPTION_ROW = z.object({
  key: z.string(),
  node: z.object({
    status: STATUS,
    escalatedTo: z.string().nullable(),
    reference: z.string().nullable(),
    updatedAt: z.date().nullable(),
    history: z.array(
      z.object({
        seq: z.number(),
        from: STATUS,
        to: STATUS,
        actor: z.string(),
        at: z.date(),
        note: z.string().nullable().default(null),
        escalatedTo: z.string().nullable().default(null),
        reference: z.string().nullable().default(null),
      }),
    ),
  }),
});

/** A row of disruption/awaiting-escalation: the indicator's node whole, for identify(). */
const AWAITING_ROW = z.object({
  key: z.string(),
  status: STATUS,
  label: z.string(),
  node: z.looseObject({ reportCount: z.number().optional() }),
  domain: z.string().nullable(),
});

/** A row of disruption/time-to-block. */
const TIME_TO_BLOCK_ROW = z.object({ escalatedTo: z.string(), blocked: z.number(), medianHours: z.number() });

/** An indicator nobody has reviewed yet. */
export const NEW_DISRUPTION: Disruption = { status: 'NEW', escalatedTo: null, reference: null, updatedAt: null, history: [] };
/** Most indicators awaitingEscalation ranks; a review queue longer than this needs triage, not paging. */
export const AWAITING_MAX = 5000;
const TEXT_MAX = 200;
const NOTE_MAX = 2000;

/**
 * The disruption workflow per indicator: explicit transitions (./transitions.ts), each change kept
 * with actor, time and note, checked and written in one transaction so concurrent changes cannot
 * skip a step.
 */
export class DisruptionService {
  constructor(
    private readonly graph: GraphExecutor,
    private readonly checks: CheckService,
    private readonly outbox: ChangeOutbox = { inSameTransaction: () => null, committed: () => {} },
  ) {}

  async setStatus(node: StartNode, asked: StatusChange): Promise<Disruption> {
    const change = checkChange(asked);
    const key = indicatorId(node);
    const [row] = shaped(
      'disruption/set-disruption-status',
      SET_STATUS_ROW,
      await this.graph.writeThen(
        'disruption/set-disruption-status',
        {
          kind: node.kind,
          key: node.key,
          qualifier: node.qualifier,
          disruptionKey: key,
          allowedFrom: allowedFrom(change.status),
          status: change.status,
          escalatedTo: change.escalatedTo,
          reference: change.reference,
          note: change.note,
          actor: change.actor,
        },
        ([written]) =>
          written && written['changedFrom'] !== null && written['changedFrom'] !== undefined
            ? this.outbox.inSameTransaction({ disruptionKey: key, from: written['changedFrom'] as DisruptionStatus, to: change.status })
            : null,
      ),
    );
    if (!row) throw new DisruptionRefusedError('NOT_FOUND', `no report names ${key}: there is nothing to disrupt`);
    if (row.changedFrom === null) {
      const from = row.status;
      throw new DisruptionRefusedError(
        'INVALID_TRANSITION',
        `${key} cannot go from ${from} to ${change.status}; from ${from} it may go to ${TRANSITIONS[from].join(', ')}`,
      );
    }
    this.outbox.committed();
    return (await this.byKeys([key]))[0] as Disruption;
  }

  /** Disruptions by key ("phone:+61412345678"), in order; NEW for an indicator never reviewed. */
  async byKeys(keys: readonly string[]): Promise<Disruption[]> {
    const rows = await this.graph.readAs('disruption/disruptions-by-key', DISRUPTION_ROW, { keys: [...keys] });
    const byKey = new Map<string, Disruption>(rows.map((row) => [row.key, row.node]));
    return keys.map((key) => byKey.get(key) ?? NEW_DISRUPTION);
  }

  /** Indicators waiting for escalation, riskiest first (score, then reports, then key). */
  async awaitingEscalation(): Promise<EscalationCandidate[]> {
    const rows = await this.graph.readAs('disruption/awaiting-escalation', AWAITING_ROW, {
      statuses: [...AWAITING_ESCALATION],
      limit: AWAITING_MAX,
    });
    const candidates = rows.map((row) => {
      const { kind, value } = identify(row.label, row.node);
      const judgedBy = kind === 'phone' || kind === 'domain' ? value : row.domain;
      return {
        kind,
        value,
        judgedBy,
        status: row.status,
        reportCount: row.node.reportCount ?? 0,
      };
    });
    const numbers = candidates.filter((each) => each.kind === 'phone').map((each) => each.value);
    const domains = [...new Set(candidates.flatMap((each) => (each.kind !== 'phone' && each.judgedBy ? [each.judgedBy] : [])))];
    const [numberChecks, domainChecks] = await Promise.all([
      numbers.length > 0 ? this.checks.checkNumbers(numbers) : [],
      domains.length > 0 ? this.checks.checkDomains(domains.map((domain) => ({ domain, hostname: domain }))) : [],
    ]);
    const checks = new Map<string, Check>([
      ...numberChecks.map((check, i) => [`phone:${numbers[i]}`, check] as const),
      ...domainChecks.map((check, i) => [`domain:${domains[i]}`, check] as const),
    ]);
    return candidates
      .map(({ judgedBy, ...candidate }) => {
        const check = judgedBy ? checks.get(`${candidate.kind === 'phone' ? 'phone' : 'domain'}:${judgedBy}`) : undefined;
        return { ...candidate, score: check?.score ?? null, verdict: check?.verdict ?? null };
      })
      .sort(
        (a, b) =>
          (b.score ?? -1) - (a.score ?? -1) || b.reportCount - a.reportCount || (`${a.kind}:${a.value}` < `${b.kind}:${b.value}` ? -1 : 1),
      );
  }

  /** Median hours from first report to BLOCKED, per party escalated to. */
  async timeToBlock(): Promise<TimeToBlock[]> {
    return this.graph.readAs('disruption/time-to-block', TIME_TO_BLOCK_ROW);
  }
}

/** The change with its texts trimmed (blank is absent), or the reason it cannot be made. */
function checkChange(asked: StatusChange): StatusChange {
  const trimmed = (value: string | null) => value?.trim() || null;
  const change = { ...asked, escalatedTo: trimmed(asked.escalatedTo), reference: trimmed(asked.reference), note: trimmed(asked.note) };
  const tooLong = (value: string | null, max: number) => value !== null && value.length > max;
  if (change.status === 'ESCALATED' && (!change.escalatedTo || !change.reference)) {
    throw new DisruptionRefusedError('INVALID_VALUE', 'ESCALATED names the telco, registrar or platform (escalatedTo) and their reference');
  }
  if (change.status !== 'ESCALATED' && change.escalatedTo !== null) {
    throw new DisruptionRefusedError('INVALID_VALUE', `escalatedTo goes with ESCALATED only, not ${change.status}`);
  }
  if (tooLong(change.escalatedTo, TEXT_MAX) || tooLong(change.reference, TEXT_MAX) || tooLong(change.note, NOTE_MAX)) {
    throw new DisruptionRefusedError('INVALID_VALUE', `escalatedTo and reference hold at most ${TEXT_MAX} characters, a note ${NOTE_MAX}`);
  }
  return change;
}
