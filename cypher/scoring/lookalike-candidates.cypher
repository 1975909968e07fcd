// Domains that may imitate a brand: those named in its reports, and those whose name holds one of
// its name keys (the text index answers CONTAINS). Code decides which really are lookalikes.
CALL () {
  MATCH (:Brand {slug: $slug})<-[:DOMAIN_FOR]-(d:Domain) RETURN d
  UNION
  UNWIND $nameKeys AS nameKey
  MATCH (d:Domain) WHERE d.name CONTAINS nameKey RETURN d
}
RETURN d.name AS name
ORDER BY coalesce(d.reportCount, 0) DESC, name
LIMIT $limit
