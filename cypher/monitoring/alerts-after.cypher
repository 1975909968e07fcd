// A key's alerts after number $after, in order: what a subscription resumes from and the alerts query pages.
MATCH (a:Alert {ownerKeyId: $owner})
WHERE a.seq > $after AND ($watchId IS NULL OR a.watchId = $watchId)
RETURN a {.id, .seq, .watchId, .event, .subjectKind, .subjectValue, .role, .reportId, .from, .to, .campaignIds, .resembles, .createdAt, .delivery, .attempts} AS alert
ORDER BY a.seq
LIMIT $limit
