// Registrable domains by name, each with the lists $lists names, in one round trip (as phone-numbers).
//   callbackNumbers: numbers given as CALLBACK in reports naming the domain, most shared reports first
//   brands:          brands claimed in reports naming the domain, most reports first
UNWIND $keys AS key
MATCH (d:Domain {name: key})
CALL (d) {
  MATCH (d)<-[x:CALLBACK_WITH]-(p:PhoneNumber) WHERE 'callbackNumbers' IN $lists
  WITH x, p ORDER BY x.reports DESC, p.e164 LIMIT $limit
  RETURN collect(p {.*}) AS callbackNumbers
}
CALL (d) {
  MATCH (d)-[x:DOMAIN_FOR]->(b:Brand) WHERE 'brands' IN $lists
  WITH x, b ORDER BY x.reports DESC, b.slug LIMIT $limit
  RETURN collect(b {.*}) AS brands
}
RETURN key, d {.*} AS node, {callbackNumbers: callbackNumbers, brands: brands} AS lists
