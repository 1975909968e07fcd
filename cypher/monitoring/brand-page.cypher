// A registered brand's public page: its official channels, and the newest callback numbers and domains
// named in reports claiming it (official ones excepted), $candidates of each, for the caller to keep the
// high-risk ones. Only values and dates: no report, reporter or message text is read. lastSeen is null
// where no report of the pair has its own date (an undated source): those come after the dated, since
// ORDER BY ... DESC would put nulls first.
MATCH (b:Brand {slug: $slug})
WHERE b.registered = true
CALL (b) {
  MATCH (p:PhoneNumber)-[x:CALLBACK_FOR]->(b)
  WHERE NOT p.e164 IN b.officialNumbers
  WITH p, x ORDER BY x.lastSeen IS NULL, x.lastSeen DESC LIMIT $candidates
  RETURN collect({value: p.e164, lastSeen: toString(x.lastSeen)}) AS numbers
}
CALL (b) {
  MATCH (d:Domain)-[x:DOMAIN_FOR]->(b)
  WHERE NOT d.name IN b.officialDomains
  WITH d, x ORDER BY x.lastSeen IS NULL, x.lastSeen DESC LIMIT $candidates
  RETURN collect({value: d.name, lastSeen: toString(x.lastSeen)}) AS domains
}
RETURN b {.slug, .name, .officialNumbers, .officialDomains} AS brand, numbers, domains
