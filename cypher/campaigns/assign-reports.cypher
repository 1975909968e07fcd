// Detection, after assign-indicators: a report belongs to the campaign holding most of its linking
// indicators (Leiden may split one report's indicators; a tie goes to the smaller id). A report
// naming no campaign member loses its membership. Written only where it changed; MERGE, as a report
// joining at ingest meanwhile (join-campaigns) may be placed by both.
MATCH (r:Report)
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
  MERGE (r)-[:IN_CAMPAIGN]->(c)
} IN TRANSACTIONS OF 10000 ROWS
