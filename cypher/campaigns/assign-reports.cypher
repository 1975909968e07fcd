// Detection, after assign-indicators: a report belongs to the campaign holding most of its linking
// indicators (Leiden may split one report's indicators; a tie goes to the smaller id). A report
// naming no campaign member loses its membership. Written only where it changed; MERGE, as a report
// joining at ingest meanwhile (join-campaigns) may be placed by both.
//   (1) Only reports that can gain or lose a membership are visited: those naming a campaign member
//       (found from the members, not by expanding every report) and those already in a campaign. Any
//       other report names no member and is in none, so the subquery would change nothing for it.
//   (2) A membership made here says when (`since`, the clock, not the statement's start: a run is
//       long, each batch of rows commits in seconds, well inside FEED_SETTLE_MS): a report placed in
//       a campaign after it was written is new to that campaign's TAXII collection then
//       (cypher/taxii/campaign-report-times.cypher), not when it was written.
CALL () {
  MATCH (:Campaign)<-[:IN_CAMPAIGN]-(i)<-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]-(r:Report)
  RETURN r
  UNION
  MATCH (r:Report)-[:IN_CAMPAIGN]->()
  RETURN r
}
CALL (r) {
  OPTIONAL MATCH (r)-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->(i)-[:IN_CAMPAIGN]->(c:Campaign)
  WITH r, c, count(i) AS members
  ORDER BY members DESC, c.id
  LIMIT 1
  OPTIONAL MATCH (r)-[stale:IN_CAMPAIGN]->(old)
  WHERE c IS NULL OR old <> c
  DELETE stale
  WITH DISTINCT r, c
  WHERE c IS NOT NULL
  MERGE (r)-[placed:IN_CAMPAIGN]->(c)
    ON CREATE SET placed.since = datetime.realtime()
} IN TRANSACTIONS OF 10000 ROWS
