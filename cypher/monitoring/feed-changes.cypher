// A feed page: the phone numbers and domains named by reports written after the cursor ($since, $sinceId)
// and no later than $until (a settled past: a transaction still open then commits before it, at the
// latest by its deadline), at most $limit reports, in write order. The last report read is the next cursor.
MATCH (r:Report)
WHERE r.submittedAt >= datetime($since) AND r.submittedAt <= datetime($until)
  AND (r.submittedAt > datetime($since) OR r.id > $sinceId)
WITH r ORDER BY r.submittedAt, r.id LIMIT $limit
WITH collect(r) AS reports
WITH reports, last(reports) AS lastRead
CALL (reports) {
  UNWIND reports AS r
  MATCH (r)-[:CALLBACK_NUMBER|CALLER_ID|SENDER_ID]->(p:PhoneNumber)
  WHERE 'phone' IN $kinds
  RETURN collect(DISTINCT p.e164) AS phones
}
CALL (reports) {
  UNWIND reports AS r
  MATCH (r)-[:NAMES_DOMAIN]->(d:Domain)
  WHERE 'domain' IN $kinds
  RETURN collect(DISTINCT d.name) AS domains
}
RETURN size(reports) AS read, toString(lastRead.submittedAt) AS lastAt, lastRead.id AS lastId, phones, domains
