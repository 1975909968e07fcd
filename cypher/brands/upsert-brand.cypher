// A registered brand with its official channels; its alias keys resolve claimed brands.
// $aliasKeys: [{key, exact}]: exact for the slug, name and aliases as written, not exact for their
// normalised forms ("ING Bank" → "ing").
MERGE (b:Brand {slug: $slug})
SET b.name = $name, b.aliases = $aliases, b.officialNumbers = $officialNumbers,
    b.officialDomains = $officialDomains, b.registered = true, b.reportCount = coalesce(b.reportCount, 0)
WITH b
CALL (b) {
  UNWIND $aliasKeys AS alias
  MERGE (key:BrandAlias {key: alias.key})
  WITH b, alias, key
  OPTIONAL MATCH (key)-[held:ALIAS_OF]->(owner:Brand)
  WITH b, alias, key, held, owner
  // (1) Who holds a key: a registered brand's own spelling beats a normalised form and a brand known
  //     only from reports; a normalised form never takes a key another brand holds, so two
  //     registered brands stay two. Between two own spellings the later upsert wins, as it always has.
  WHERE owner IS NULL OR owner = b OR (alias.exact AND (NOT owner.registered OR NOT coalesce(held.exact, false)))
  FOREACH (stale IN CASE WHEN owner IS NULL OR owner = b THEN [] ELSE [held] END | DELETE stale)
  MERGE (key)-[now:ALIAS_OF]->(b)
  SET now.exact = alias.exact OR coalesce(now.exact, false)
  // (2) A brand known only from reports whose very name (its slug is that name's normalised form)
  //     this brand now owns as its own is this brand: the service merges it in (mergeBrands), so its
  //     reports and counts are not left behind. One that merely learned a spelling ("apple" learned
  //     "Apple Bank") only loses that spelling: the reports it has stay for an ADMIN to merge.
  RETURN collect(DISTINCT CASE WHEN owner <> b AND NOT owner.registered AND alias.exact
                               AND replace(owner.slug, '-', '') = alias.key THEN owner.slug END) AS absorbed
}
RETURN b {.*} AS brand, absorbed
