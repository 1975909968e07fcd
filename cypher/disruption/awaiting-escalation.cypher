// Indicators whose disruption waits for escalation ($statuses: NEW again, or UNDER_REVIEW), at most $limit, with the
// registrable domain that checks judge a URL or an email address by. Ranked by check score in code.
MATCH (d:Disruption)
WHERE d.status IN $statuses
MATCH (n)-[:HAS_DISRUPTION]->(d)
RETURN d.key AS key, d.status AS status, labels(n)[0] AS label, n {.*} AS node,
  [(n)-[:ON_DOMAIN|AT_DOMAIN]->(domain:Domain) | domain.name][0] AS domain
ORDER BY d.key
LIMIT $limit
