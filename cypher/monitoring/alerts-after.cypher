// A key's alerts after number $after, in order: what a subscription resumes from and the alerts query pages.
// replan=skip: the plan is the (ownerKeyId, seq) index's at 0 alerts as at 20,000 (issue 18: compared), and the
// replans that the alert count's growth set off (130 to 390 ms on 2 busy cores) held up subscriptions.
CYPHER replan=skip
MATCH (a:Alert {ownerKeyId: $owner})
WHERE a.seq > $after AND ($watchId IS NULL OR a.watchId = $watchId)
RETURN a {.id, .seq, .watchId, .event, .subjectKind, .subjectValue, .role, .reportId, .from, .to, .campaignIds, .resembles, .createdAt, .delivery, .attempts} AS alert
ORDER BY a.seq
LIMIT $limit
