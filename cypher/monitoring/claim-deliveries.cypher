// The webhook dispatcher claims, per watch, its oldest alert still to deliver, if it is due and nobody
// holds it: in order per watch (a later alert waits for the one before it to be delivered or dead), and
// one API process at a time (the lease; an expired lease is taken over, so a crashed process loses none).
MATCH (a:Alert)
WHERE a.delivery IN ['PENDING', 'RETRYING']
WITH a.watchId AS watchId, a ORDER BY a.seq
WITH watchId, head(collect(a)) AS a
WHERE a.nextAttemptAt <= datetime() AND (a.leaseUntil IS NULL OR a.leaseUntil < datetime())
MATCH (a)-[:OF_WATCH]->(w:Watch)
WITH a, w ORDER BY a.nextAttemptAt LIMIT $limit
SET a.leaseUntil = datetime() + duration({milliseconds: $leaseMs}), a.attempts = a.attempts + 1
RETURN a {.id, .seq, .watchId, .event, .subjectKind, .subjectValue, .role, .reportId, .from, .to, .campaignIds, .resembles, .createdAt, .attempts} AS alert,
       w.webhookUrl AS url, w.webhookSecret AS secret, w.target AS target, w.kind AS watchKind
