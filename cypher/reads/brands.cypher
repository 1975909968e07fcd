// Brands by slug, each with the lists $lists names, in one round trip (as phone-numbers).
//   domains: domains named in reports claiming the brand, most reports first
UNWIND $keys AS key
MATCH (b:Brand {slug: key})
CALL (b) {
  MATCH (b)<-[x:DOMAIN_FOR]-(d:Domain) WHERE 'domains' IN $lists
  WITH x, d ORDER BY x.reports DESC, d.name LIMIT $limit
  RETURN collect(d {.*}) AS domains
}
RETURN key, b {.*} AS node, {domains: domains} AS lists
