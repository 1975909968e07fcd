// A registered brand with its official channels; its aliases (and slug and name) resolve claimed brands.
MERGE (b:Brand {slug: $slug})
SET b.name = $name, b.aliases = $aliases, b.officialNumbers = $officialNumbers,
    b.officialDomains = $officialDomains, b.registered = true, b.reportCount = coalesce(b.reportCount, 0)
WITH b
CALL (b) {
  UNWIND $aliasKeys AS key
  MERGE (alias:BrandAlias {key: key})
  WITH b, alias
  // An alias first seen as an unknown claimed brand now points at the registered one.
  OPTIONAL MATCH (alias)-[stale:ALIAS_OF]->(other:Brand) WHERE other <> b
  DELETE stale
  MERGE (alias)-[:ALIAS_OF]->(b)
}
RETURN b {.*} AS brand
