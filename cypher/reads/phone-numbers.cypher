// Phone numbers by E.164, each with the lists $lists names, in one round trip: the phoneNumber
// field asks for the lists its query selects, a nested number for the one field that needs it.
//   brands:  brands impersonated in reports giving the number as CALLBACK, most reports first
//   domains: domains in reports giving the number as CALLBACK, most shared reports first
UNWIND $keys AS key
MATCH (p:PhoneNumber {e164: key})
CALL (p) {
  MATCH (p)-[x:CALLBACK_FOR]->(b:Brand) WHERE 'brands' IN $lists
  WITH x, b ORDER BY x.reports DESC, b.slug LIMIT $limit
  RETURN collect(b {.*}) AS brands
}
CALL (p) {
  MATCH (p)-[x:CALLBACK_WITH]->(d:Domain) WHERE 'domains' IN $lists
  WITH x, d ORDER BY x.reports DESC, d.name LIMIT $limit
  RETURN collect(d {.*}) AS domains
}
RETURN key, p {.*} AS node, {brands: brands, domains: domains} AS lists
