/** Where an indicator stands in getting it blocked or taken down; one with no history is NEW. */
export const DISRUPTION_STATUSES = ['NEW', 'UNDER_REVIEW', 'ESCALATED', 'BLOCKED', 'TAKEN_DOWN', 'FALSE_POSITIVE'] as const;
export type DisruptionStatus = (typeof DISRUPTION_STATUSES)[number];

/**
 * Every allowed move, and no other. Escalation comes after review; a block or takedown is what an
 * escalation achieves; ESCALATED → ESCALATED passes the case to another party; every end state
 * (and a false positive) can be reopened for review, since numbers are reassigned and domains re-registered.
 */
export const TRANSITIONS: Readonly<Record<DisruptionStatus, readonly DisruptionStatus[]>> = {
  NEW: ['UNDER_REVIEW', 'FALSE_POSITIVE'],
  UNDER_REVIEW: ['ESCALATED', 'FALSE_POSITIVE', 'NEW'],
  ESCALATED: ['BLOCKED', 'TAKEN_DOWN', 'ESCALATED', 'UNDER_REVIEW'],
  BLOCKED: ['UNDER_REVIEW'],
  TAKEN_DOWN: ['UNDER_REVIEW'],
  FALSE_POSITIVE: ['UNDER_REVIEW'],
};

/** The statuses that may move to `to`: what the write checks under the node's lock. */
export const allowedFrom = (to: DisruptionStatus): DisruptionStatus[] =>
  DISRUPTION_STATUSES.filter((from) => TRANSITIONS[from].includes(to));

/** Waiting for someone to escalate it: what awaitingEscalation lists. */
export const AWAITING_ESCALATION: readonly DisruptionStatus[] = ['NEW', 'UNDER_REVIEW'];
