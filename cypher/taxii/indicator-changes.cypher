// TAXII, the high-risk indicators collection: phone numbers and domains in the order a report last
// named them (their date_added), after the place ($since, $sinceKey) and no later than $until, at most $limit,
// from a window of the reports written since: one row, the rows (`changes`) and where the window ends.
//   (1) Only indicators named since $since can have changed since: found from the reports written
//       since (index on submittedAt), never by reading every indicator.
//   (2) At most about $reports of them per read: the window ends at the millisecond of the $reports-th after
//       $since's own millisecond, every report of that millisecond in (a part of a batch shares its
//       transaction's time), so each window ends later than the last, however many reports share a time. An indicator whose
//       newest report falls in the window is named by a report in it, so the rows up to the window's end are
//       all there; an indicator named again after it waits for a later window. Without the window, each read
//       of a client paging from the collection's start read every report since its page's start.
//   (3) An indicator's date_added is its newest report up to $until (a settled past, as the feed's:
//       a transaction still open then commits before the window reaches it), to the millisecond,
//       which is what the client sees and passes back: a finer time would repeat or skip objects.
//   (4) Ties on the time go by kind and value, so every object has one place and paging is stable.
//   (5) Ordered by the datetime, before it becomes text: toString drops trailing zeros ("…38.4Z"), and as
//       text that time sorted after "…38.438Z", so a page skipped or repeated the indicators of a report
//       written at a round millisecond.
CALL () {
  MATCH (r:Report)
  WHERE r.submittedAt >= datetime($since) + duration({milliseconds: 1}) AND r.submittedAt <= datetime($until)
  WITH r ORDER BY r.submittedAt LIMIT $reports
  RETURN count(r) AS read, max(r.submittedAt) AS last
}
// With no report since (a poll at the head), `last` is null, which truncate refuses: the window is the rest.
WITH CASE WHEN read < $reports THEN datetime($until) ELSE datetime.truncate('millisecond', coalesce(last, datetime($until))) END AS windowEnd
CALL (windowEnd) {
  MATCH (r:Report)
  WHERE r.submittedAt >= datetime($since) AND r.submittedAt < windowEnd + duration({milliseconds: 1})
    AND r.submittedAt <= datetime($until)
  MATCH (r)-[:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|NAMES_DOMAIN]->(i:PhoneNumber|Domain)
  WITH DISTINCT i
  CALL (i) {
    MATCH (i)<-[:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|NAMES_DOMAIN]-(named:Report)
    WHERE named.submittedAt <= datetime($until)
    RETURN datetime.truncate('millisecond', max(named.submittedAt)) AS changedAt
  }
  WITH changedAt, CASE WHEN i:PhoneNumber THEN 'phone' ELSE 'domain' END AS kind, coalesce(i.e164, i.name) AS value
  WITH changedAt, kind, value, kind + ':' + value AS key
  WHERE changedAt <= windowEnd AND (changedAt > datetime($since) OR (changedAt = datetime($since) AND key > $sinceKey))
  WITH kind, value, changedAt, key
  ORDER BY changedAt, key
  LIMIT $limit
  RETURN collect({kind: kind, value: value, changedAt: toString(changedAt)}) AS changes
}
RETURN changes, toString(windowEnd) AS windowEnd, windowEnd >= datetime($until) AS toTheEnd
