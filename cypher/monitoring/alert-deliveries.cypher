// The delivery log of a key's own alerts, attempt by attempt.
MATCH (a:Alert {ownerKeyId: $owner})
WHERE a.id IN $ids
OPTIONAL MATCH (a)-[:ATTEMPT]->(t:DeliveryAttempt)
WITH a, t ORDER BY t.number
RETURN a.id AS id, collect(t {.number, .at, .outcome, .httpStatus, .error, .tookMs}) AS attempts
