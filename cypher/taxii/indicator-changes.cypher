// TAXII, the high-risk indicators collection: phone numbers and domains in the order a report last
// named them (their date_added), after the place ($since, $sinceKey) and no later than $until, at most $limit.
//   (1) Only indicators named since $since can have changed since: found from the reports written
//       since (index on submittedAt), never by reading every indicator.
//   (2) An indicator's date_added is its newest report up to $until (a settled past, as the feed's:
//       a transaction still open then commits before the window reaches it), to the millisecond,
//       which is what the client sees and passes back: a finer time would repeat or skip objects.
//   (3) Ties on the time go by kind and value, so every object has one place and paging is stable.
//   (4) Ordered by the datetime, before it becomes text: toString drops trailing zeros ("…38.4Z"), and as
//       text that time sorted after "…38.438Z", so a page skipped or repeated the indicators of a report
//       written at a round millisecond.
MATCH (r:Report)
WHERE r.submittedAt >= datetime($since) AND r.submittedAt <= datetime($until)
MATCH (r)-[:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|NAMES_DOMAIN]->(i:PhoneNumber|Domain)
WITH DISTINCT i
CALL (i) {
  MATCH (i)<-[:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|NAMES_DOMAIN]-(named:Report)
  WHERE named.submittedAt <= datetime($until)
  RETURN datetime.truncate('millisecond', max(named.submittedAt)) AS changedAt
}
WITH changedAt, CASE WHEN i:PhoneNumber THEN 'phone' ELSE 'domain' END AS kind, coalesce(i.e164, i.name) AS value
WITH changedAt, kind, value, kind + ':' + value AS key
WHERE changedAt > datetime($since) OR (changedAt = datetime($since) AND key > $sinceKey)
WITH kind, value, changedAt, key
ORDER BY changedAt, key
LIMIT $limit
RETURN kind, value, toString(changedAt) AS changedAt
