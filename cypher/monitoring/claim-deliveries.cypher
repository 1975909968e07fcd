// The webhook dispatcher claims, for up to $limit watches, the first $batch alerts each still has to deliver,
// in number order, if the first is due and nobody holds it: one claim for a burst, where a claim per alert
// made a watch's tenth alert wait for nine claims, sends and records in turn (issue 18: p99 7.8-10.7 s).
// (1) Order per watch: a later alert never goes before an earlier one is delivered or dead, so the batch is
//     the watch's queue from its head, and the dispatcher sends it in this order, stopping at a failure.
// (2) One API process at a time: the lease covers the whole batch; an expired lease is taken over, so a
//     crashed process loses none. Attempts are counted when recorded (record-attempts), not here: a batch
//     cut short by a failure gives its unsent alerts back untouched.
// (3) replan=skip: the plan starts from the delivery index at 0 alerts as at 20,000 (issue 18: compared), and the
//     replans that the alert count's growth set off (110 to 590 ms on 2 busy cores) held up every watch's next claim:
//     the webhook p99's misses (report-watches says why replans come).
CYPHER replan=skip
MATCH (a:Alert)
WHERE a.delivery IN ['PENDING', 'RETRYING']
WITH a ORDER BY a.seq
WITH a.watchId AS watchId, collect(a) AS queue
WITH queue, head(queue) AS first
WHERE first.nextAttemptAt <= datetime() AND (first.leaseUntil IS NULL OR first.leaseUntil < datetime())
WITH queue, first ORDER BY first.nextAttemptAt LIMIT $limit
MATCH (first)-[:OF_WATCH]->(w:Watch)
WITH w, queue[0..$batch] AS batch
FOREACH (a IN batch | SET a.leaseUntil = datetime() + duration({milliseconds: $leaseMs}))
RETURN [a IN batch | a {.id, .seq, .watchId, .event, .subjectKind, .subjectValue, .role, .reportId, .from, .to, .campaignIds, .resembles, .createdAt, .attempts}] AS alerts,
       w.webhookUrl AS url, w.webhookSecret AS secret, w.target AS target, w.kind AS watchKind
