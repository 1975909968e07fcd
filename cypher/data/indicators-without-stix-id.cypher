// Phone numbers and domains made before ingest wrote their STIX indicator id (cypher/ingest/link-indicators.cypher):
// up to $limit of them, which src/graph/migrations.ts gives their ids (data/set-stix-ids) at every start until
// none is left. Once none is, this reads each number and domain once and finds nothing: a scan of those two labels
// (a missing property is in no index), which added 0.1 to 0.3 s to a start on the 100,000-report bench graph.
CALL () {
  MATCH (p:PhoneNumber)
  WHERE p.stixId IS NULL
  RETURN 'phone' AS kind, p.e164 AS value
  UNION ALL
  MATCH (d:Domain)
  WHERE d.stixId IS NULL
  RETURN 'domain' AS kind, d.name AS value
}
RETURN kind, value
LIMIT $limit
