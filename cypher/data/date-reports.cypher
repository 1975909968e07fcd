// Reports written before Report.reportedAt existed have only receivedAt. For every source but CryptoScamDB
// that was the report's own date: the date its source gave, or for an API submission the time of receipt
// (reported when received). So it becomes reportedAt. CryptoScamDB entries carry no date: their receivedAt
// is the import's time, so they are marked undated and the first and last seen of what they name are worked
// out again. Runs at every start (src/graph/migrations.ts); every report written since has reportedAt or
// undated (cypher/ingest/merge-reports.cypher), so once done it matches none and changes nothing.
// A CSV import without a date column written before cannot be told from an API submission: it keeps its day.
MATCH (r:Report)
WHERE r.reportedAt IS NULL AND r.undated IS NULL
CALL (r) {
  // (1) The report's own date, or the mark that its source gave none.
  WITH r, r.source = $undatedSource AS undated
  SET r.reportedAt = CASE WHEN undated THEN null ELSE r.receivedAt END, r.undated = CASE WHEN undated THEN true END
  // (2) An undated report's import day widened the first and last seen of its indicators, brands and
  //     campaigns: they are worked out again from their reports, each dated as (1) dates it (a report
  //     of the same run may not be dated yet), null when none has a date.
  WITH r
  WHERE r.undated
  MATCH (r)-[:IMPERSONATES|NAMES_DOMAIN|CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|CONTACT_EMAIL|PAY_TO|IN_CAMPAIGN]->(n)
  WITH DISTINCT n
  CALL (n) {
    MATCH (n)<-[:IMPERSONATES|NAMES_DOMAIN|CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|CONTACT_EMAIL|PAY_TO|IN_CAMPAIGN]-(other:Report)
    WITH CASE
           WHEN other.reportedAt IS NOT NULL THEN other.reportedAt
           WHEN other.undated IS NULL AND other.source <> $undatedSource THEN other.receivedAt
         END AS at
    RETURN min(at) AS first, max(at) AS last
  }
  SET n.firstSeen = first, n.lastSeen = last
} IN TRANSACTIONS OF 1000 ROWS
