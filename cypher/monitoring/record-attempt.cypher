// One delivery attempt in the alert's log, and what follows: DELIVERED, RETRYING at $nextAttemptAt, or DEAD
// (the dead letter, once the attempts run out). The lease ends: the watch's next alert may go.
MATCH (a:Alert {id: $alertId})
CREATE (a)-[:ATTEMPT]->(:DeliveryAttempt {number: a.attempts, at: datetime($at), outcome: $outcome,
                                          httpStatus: $httpStatus, error: $error, tookMs: $tookMs})
SET a.delivery = $delivery, a.nextAttemptAt = datetime($nextAttemptAt), a.leaseUntil = null,
    a.deliveredAt = CASE WHEN $delivery = 'DELIVERED' THEN datetime($at) ELSE a.deliveredAt END
RETURN a.delivery AS delivery
