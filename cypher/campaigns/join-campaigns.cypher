// Incremental assignment, after each ingest batch ($reportIds: the new reports). A report whose linking
// indicators that detection already placed all sit in one active campaign joins it, and the campaign's
// figures and brands move with it; indicators it names for the first time wait for the next full run.
// A report whose indicators sit in several campaigns bridges them: they are marked (bridgedAt) and the
// next run decides whether they merge. A report naming no campaign member waits for the next run.
// MERGE, and the figures moving only ON CREATE: a detection run placing the same report meanwhile
// (assign-reports) neither doubles the membership nor the counts. First and last seen move by the report's own
// date: an undated report (reportedAt null) compares as null, so the campaign's dates stay.
// replan=skip: every step starts from a report found by its id, so the plan is the same at any count, and as a graph
// fills Neo4j planned it again and again after each batch (0.16 to 0.37 s of its CPU each time, issue 22).
CYPHER replan=skip
UNWIND $reportIds AS id
MATCH (r:Report {id: id})
WHERE NOT EXISTS { (r)-[:IN_CAMPAIGN]->() }
CALL (r) {
  OPTIONAL MATCH (r)-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->()-[:IN_CAMPAIGN]->(c:Campaign)
  WHERE c.status = 'ACTIVE'
  RETURN collect(DISTINCT c) AS campaigns
}
CALL (r, campaigns) {
  WITH r, campaigns[0] AS c
  WHERE size(campaigns) = 1
  MERGE (r)-[:IN_CAMPAIGN]->(c)
    ON CREATE SET
      r.joinedAtIngest = true,
      c.reportCount = c.reportCount + 1,
      c.firstSeen = CASE WHEN c.firstSeen IS NULL OR r.reportedAt < c.firstSeen THEN r.reportedAt ELSE c.firstSeen END,
      c.lastSeen = CASE WHEN c.lastSeen IS NULL OR r.reportedAt > c.lastSeen THEN r.reportedAt ELSE c.lastSeen END
  WITH r, c
  WHERE r.joinedAtIngest
  MATCH (r)-[:IMPERSONATES]->(b:Brand)
  MERGE (c)-[x:CAMPAIGN_FOR]->(b)
    ON CREATE SET x.reports = 0
  SET x.reports = x.reports + 1
}
CALL (campaigns) {
  WITH campaigns
  WHERE size(campaigns) > 1
  UNWIND campaigns AS c
  SET c.bridgedAt = coalesce(c.bridgedAt, datetime())
}
RETURN sum(CASE size(campaigns) WHEN 1 THEN 1 ELSE 0 END) AS joined,
       sum(CASE WHEN size(campaigns) > 1 THEN 1 ELSE 0 END) AS bridging
