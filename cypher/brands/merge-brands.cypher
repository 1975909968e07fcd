// mergeBrands: every edge and count of `from` moves to `into`, then `from` is deleted, all in one
// transaction. A report claims one brand, so report counts add up; links a number or domain had to
// both brands become one, and the distinct-brand counts on its end drop by one.
MATCH (from:Brand {slug: $from}), (into:Brand {slug: $into})
WHERE from <> into
// (1) Reports: MERGE, so a report somehow claiming both keeps one claim.
CALL (from, into) {
  MATCH (r:Report)-[old:IMPERSONATES]->(from)
  MERGE (r)-[:IMPERSONATES]->(into)
  DELETE old
}
// (2) Callback numbers (crossBrandNumbers ranks by p.brandCount): reports add, the later lastSeen stays.
CALL (from, into) {
  MATCH (p:PhoneNumber)-[old:CALLBACK_FOR]->(from)
  MERGE (p)-[x:CALLBACK_FOR]->(into)
    ON CREATE SET x.reports = 0, into.callbackNumberCount = coalesce(into.callbackNumberCount, 0) + 1
    ON MATCH SET p.brandCount = p.brandCount - 1
  SET x.reports = x.reports + old.reports,
      x.lastSeen = CASE WHEN x.lastSeen > old.lastSeen THEN x.lastSeen ELSE old.lastSeen END
  DELETE old
}
// (3) Domains named beside the brand.
CALL (from, into) {
  MATCH (d:Domain)-[old:DOMAIN_FOR]->(from)
  MERGE (d)-[x:DOMAIN_FOR]->(into)
    ON CREATE SET x.reports = 0, into.domainCount = coalesce(into.domainCount, 0) + 1
    ON MATCH SET d.brandCount = d.brandCount - 1
  SET x.reports = x.reports + old.reports,
      x.lastSeen = CASE WHEN x.lastSeen > old.lastSeen THEN x.lastSeen ELSE old.lastSeen END
  DELETE old
}
// (4) Campaign brands (campaigns(brand:), Brand.campaigns).
CALL (from, into) {
  MATCH (c:Campaign)-[old:CAMPAIGN_FOR]->(from)
  MERGE (c)-[x:CAMPAIGN_FOR]->(into)
    ON CREATE SET x.reports = 0
  SET x.reports = x.reports + old.reports
  DELETE old
}
// (5) Every spelling that found `from` now finds `into`; $fromKeys (its slug and name) too, if free.
CALL (from, into) {
  MATCH (key:BrandAlias)-[old:ALIAS_OF]->(from)
  CREATE (key)-[moved:ALIAS_OF]->(into)
  SET moved = properties(old)
  DELETE old
}
CALL (into) {
  UNWIND $fromKeys AS fromKey
  MERGE (key:BrandAlias {key: fromKey})
  WITH into, key
  WHERE NOT EXISTS { (key)-[:ALIAS_OF]->() }
  CREATE (key)-[:ALIAS_OF]->(into)
}
// (6) The merged name stays as an alias; official channels and registration carry over.
SET into.aliases = reduce(names = [], name IN coalesce(into.aliases, []) + [from.name] + coalesce(from.aliases, []) |
                     CASE WHEN name = into.name OR name IN names THEN names ELSE names + name END),
    into.officialNumbers = reduce(kept = [], n IN coalesce(into.officialNumbers, []) + coalesce(from.officialNumbers, []) |
                     CASE WHEN n IN kept THEN kept ELSE kept + n END),
    into.officialDomains = reduce(kept = [], n IN coalesce(into.officialDomains, []) + coalesce(from.officialDomains, []) |
                     CASE WHEN n IN kept THEN kept ELSE kept + n END),
    into.registered = into.registered OR from.registered,
    into.mergedFrom = coalesce(into.mergedFrom, []) + [from.slug] + coalesce(from.mergedFrom, []),
    into.reportCount = coalesce(into.reportCount, 0) + coalesce(from.reportCount, 0),
    into.firstSeen = CASE WHEN into.firstSeen IS NULL OR from.firstSeen < into.firstSeen THEN from.firstSeen ELSE into.firstSeen END,
    into.lastSeen = CASE WHEN into.lastSeen IS NULL OR from.lastSeen > into.lastSeen THEN from.lastSeen ELSE into.lastSeen END
// (7) Not DETACH: a relationship this statement does not know would fail the whole merge rather than vanish.
DELETE from
RETURN into {.*} AS brand
