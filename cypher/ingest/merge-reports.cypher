// The Report nodes of one part of a submission, before anything they name (link-indicators.cypher
// writes that, aggregated over the part's new reports). Rows come sorted by (source, externalId) from
// src/ingest/batch-write.ts, so two transactions take the reports' index locks in the same order.
// replan=skip: a MERGE on the (source, externalId) key whatever the counts; link-indicators.cypher says why.
CYPHER replan=skip
UNWIND $reports AS row
// (1) Idempotency: MERGE on (source, externalId).
CALL (row) {
  WITH row WHERE row.externalId IS NOT NULL
  MERGE (r:Report {source: row.source, externalId: row.externalId})
    ON CREATE SET r.id = row.id, r.createdNow = true
  RETURN r
  UNION
  WITH row WHERE row.externalId IS NULL
  CREATE (r:Report {id: row.id, source: row.source, createdNow: true})
  RETURN r
}
// (2) A report is new only if this very execution created it: the same id alone is not enough, since a
//     driver retry of a transaction that committed unacknowledged re-sends the same ids; the marker is
//     gone by then. The id check keeps a second row of the part with the same externalId a duplicate.
WITH row, r, r.createdNow IS NOT NULL AND r.id = row.id AS isNew
REMOVE r.createdNow
WITH *
// (3) Only a new report takes the row's fields: a duplicate changes nothing. reportedAt is the source's
//     own date (first and last seen come from it); a report whose source gives none is marked undated
//     instead, so that cypher/data/date-reports.cypher tells it from a report written before reportedAt.
//     template: the text's words without what changes per victim (src/ingest/normalise/message-template.ts),
//     which campaign detection compares.
CALL (row, r, isNew) {
  WITH * WHERE isNew
  SET r.receivedAt = datetime(row.receivedAt), r.submittedAt = datetime(), r.channel = row.channel,
      r.reportedAt = datetime(row.reportedAt), r.undated = CASE WHEN row.reportedAt IS NULL THEN true END,
      r.scamType = row.scamType, r.text = row.text, r.template = row.template, r.defaultRegion = row.defaultRegion,
      r.referenceNumbers = row.referenceNumbers, r.shortCodes = row.shortCodes
}
// The element id finds the new node again in this transaction without an index lookup.
RETURN row.index AS index, r.id AS id, isNew, CASE WHEN isNew THEN elementId(r) END AS node
