// TAXII, the high-risk indicators collection asked for objects by id (`objects/<id>/`, `match[id]`): each
// number or domain holding one of $ids, by its index (ingest stores the name-based id; it cannot be
// computed back from the id), dated as taxii/indicator-changes dates it: by the newest report naming it up to
// $until, to the millisecond. One not named by any report up to then is not in the collection yet: no row.
// The caller keeps those judged HIGH_RISK now and after the query's place.
UNWIND $ids AS id
CALL (id) {
  MATCH (i:PhoneNumber {stixId: id})
  RETURN i
  UNION
  MATCH (i:Domain {stixId: id})
  RETURN i
}
CALL (i) {
  MATCH (i)<-[:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|NAMES_DOMAIN]-(named:Report)
  WHERE named.submittedAt <= datetime($until)
  RETURN datetime.truncate('millisecond', max(named.submittedAt)) AS changedAt
}
WITH i, changedAt
WHERE changedAt IS NOT NULL
RETURN CASE WHEN i:PhoneNumber THEN 'phone' ELSE 'domain' END AS kind, coalesce(i.e164, i.name) AS value,
       toString(changedAt) AS changedAt
