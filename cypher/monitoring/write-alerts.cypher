// The outbox for changes that are not new reports (a disruption status, a campaign merged or split): the
// alerts $matches holds, written in the transaction of the change, by the statement after the one that
// found the watches (disruption-watches, campaign-watches), so an alert exists exactly when its change
// does. Numbered as match-report-watches numbers them: owners in key order (two writers never deadlock on
// their streams), each owner's AlertStream locked to commit, so a key's alerts commit in number order.
UNWIND $matches AS m
MATCH (w:Watch {id: m.watchId})
WITH w, m ORDER BY w.ownerKeyId, w.id, m.subjectValue
WITH w.ownerKeyId AS owner, collect({w: w, m: m}) AS matches
ORDER BY owner
MATCH (s:AlertStream {keyId: owner})
SET s.seq = s.seq + size(matches)
WITH s, matches, s.seq - size(matches) AS base
UNWIND range(0, size(matches) - 1) AS i
WITH s, base + i + 1 AS seq, matches[i].w AS w, matches[i].m AS m
CREATE (a:Alert {id: s.keyId + ':' + toString(seq), ownerKeyId: s.keyId, seq: seq, watchId: w.id, event: m.event,
                 subjectKind: m.subjectKind, subjectValue: m.subjectValue, role: null, reportId: m.reportId,
                 from: m.from, to: m.to, campaignIds: m.campaignIds, resembles: null,
                 createdAt: datetime(), attempts: 0,
                 delivery: CASE WHEN w.webhookUrl IS NULL THEN 'NONE' ELSE 'PENDING' END, nextAttemptAt: datetime()})
CREATE (a)-[:OF_WATCH]->(w)
RETURN count(a) AS alerts
