// The keys the query benchmark samples from: callback numbers, domains beside callback numbers, and
// brands with callback numbers; each list in key order, so a seeded sample picks the same keys.
CALL () {
  MATCH (p:PhoneNumber) WHERE p.callbackCount > 0
  WITH p ORDER BY p.e164
  RETURN collect(p.e164) AS phones
}
CALL () {
  MATCH (d:Domain) WHERE d.callbackNumberCount > 0
  WITH d ORDER BY d.name
  RETURN collect(d.name) AS domains
}
CALL () {
  MATCH (b:Brand) WHERE b.callbackNumberCount > 0
  WITH b ORDER BY b.slug
  RETURN collect(b.slug) AS brands
}
RETURN phones, domains, brands
