// What became of a claimed batch (claim-deliveries), in one statement: each alert sent gets its attempt in
// the delivery log and what follows (DELIVERED, RETRYING at its nextAttemptAt, or DEAD, the dead letter once
// the attempts run out); an alert left unsent behind a failure ($record.outcomes' outcome null) is only given back.
// (1) The lease of a DELIVERED or DEAD alert stays, and a RETRYING one's runs to its next attempt: a claim
//     reading at the same time may find the alert still PENDING through the index and its lease a moment
//     later (read committed); a cleared lease then let it send the alert again (the bench's few repeats).
// The list comes in one map, $record: a plan is cached per list size (in powers of ten), and each new size had it
// planned again (120 to 230 ms on 2 busy cores) while the watch's next claim waited for the record. replan=skip:
// alerts are read by id, and the growth of alerts and attempts from none had it planned again too (issue 18).
CYPHER replan=skip
UNWIND $record.outcomes AS o
MATCH (a:Alert {id: o.alertId})
CALL (a, o) {
  WITH * WHERE o.outcome IS NOT NULL
  SET a.attempts = a.attempts + 1
  CREATE (a)-[:ATTEMPT]->(:DeliveryAttempt {number: a.attempts, at: datetime(o.at), outcome: o.outcome,
                                            httpStatus: o.httpStatus, error: o.error, tookMs: o.tookMs})
  SET a.delivery = o.delivery, a.nextAttemptAt = datetime(o.nextAttemptAt),
      a.deliveredAt = CASE WHEN o.delivery = 'DELIVERED' THEN datetime(o.at) ELSE a.deliveredAt END
}
SET a.leaseUntil = CASE WHEN o.outcome IS NULL THEN null
                        WHEN o.delivery = 'RETRYING' THEN datetime(o.nextAttemptAt)
                        ELSE a.leaseUntil END
RETURN count(a) AS recorded
