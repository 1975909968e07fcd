// The outbox's write: the alerts $write.matches holds, in the transaction of what caused them (a part of a batch
// of reports, after report-watches; a disruption status, after disruption-watches; a detection run's merges
// and splits, after campaign-watches), so an alert exists exactly when its cause does. Owners in key order
// (two writers never deadlock on their streams), each owner's AlertStream locked to commit, so a key's
// alerts commit in number order; within a watch, in the order of m.rank (the caller's: by report, then
// subject).
// The list comes in one map, $write: a plan is cached per list size (in powers of ten), and a part's first 10 or
// 100 alerts had it planned inside an ingest transaction (150 to 210 ms on 2 busy cores, issue 18). replan=skip:
// every read is by key (a watch's id, a key's stream), and the growth of the alert count from none had it planned
// again there (report-watches says more).
CYPHER replan=skip
UNWIND $write.matches AS m
MATCH (w:Watch {id: m.watchId})
WITH w, m ORDER BY w.ownerKeyId, w.id, m.rank
WITH w.ownerKeyId AS owner, collect({w: w, m: m}) AS matches
ORDER BY owner
MATCH (s:AlertStream {keyId: owner})
SET s.seq = s.seq + size(matches)
WITH s, matches, s.seq - size(matches) AS base
UNWIND range(0, size(matches) - 1) AS i
WITH s, base + i + 1 AS seq, matches[i].w AS w, matches[i].m AS m
CREATE (a:Alert {id: s.keyId + ':' + toString(seq), ownerKeyId: s.keyId, seq: seq, watchId: w.id, event: m.event,
                 subjectKind: m.subjectKind, subjectValue: m.subjectValue, role: m.role, reportId: m.reportId,
                 from: m.from, to: m.to, campaignIds: m.campaignIds, resembles: m.resembles,
                 createdAt: datetime(), attempts: 0,
                 delivery: CASE WHEN w.webhookUrl IS NULL THEN 'NONE' ELSE 'PENDING' END, nextAttemptAt: datetime()})
CREATE (a)-[:OF_WATCH]->(w)
RETURN count(a) AS alerts
