// Run first in a batch's outbox (IngestService's inSameTransaction): whether any watch exists, and if one
// does, what lookalike alerts could concern: the domains this batch's new reports are the first to name (the
// domain's report count is all this batch's) and the brands a BRAND watch watches, with their official
// domains. src/scoring/lookalike.ts decides which domains imitate which brand; match-report-watches, next in
// the same transaction, writes every alert. With no watch (the usual case) the count store answers and
// nothing else is read, and the outbox stops here: ingest costs what it did.
CALL () {
  MATCH (w:Watch)
  RETURN count(w) > 0 AS watched
}
CALL (watched) {
  WITH watched WHERE watched
  MATCH (b:Brand)<-[:WATCHES]-(:Watch {kind: 'BRAND'})
  WHERE size(b.officialDomains) > 0
  WITH DISTINCT b
  RETURN collect(b {.slug, .name, .aliases, .officialDomains}) AS brands
}
CALL (brands) {
  WITH brands WHERE size(brands) > 0
  UNWIND $reportIds AS reportId
  MATCH (:Report {id: reportId})-[:NAMES_DOMAIN]->(d:Domain)
  WITH DISTINCT d
  WHERE d.reportCount = COUNT { (d)<-[:NAMES_DOMAIN]-(o:Report) WHERE o.id IN $reportIds }
  RETURN collect(d.name) AS domains
}
RETURN watched, brands, domains
