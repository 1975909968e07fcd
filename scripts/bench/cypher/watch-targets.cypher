// What the alerts phase watches besides brands and prefixes: mobile numbers and non-official domains that
// reports name, and campaigns with one member mobile number each; each list in key order, $n at most.
CALL () {
  MATCH (p:PhoneNumber) WHERE p.callbackCount > 0 AND p.e164 STARTS WITH '+614'
  WITH p ORDER BY p.e164
  RETURN collect(p.e164)[..$n] AS phones
}
CALL () {
  MATCH (d:Domain) WHERE EXISTS { (d)<-[:NAMES_DOMAIN]-(:Report) } AND NOT EXISTS { MATCH (b:Brand) WHERE d.name IN b.officialDomains }
  WITH d ORDER BY d.name
  RETURN collect(d.name)[..$n] AS domains
}
CALL () {
  MATCH (p:PhoneNumber)-[:IN_CAMPAIGN]->(c:Campaign) WHERE p.e164 STARTS WITH '+614'
  WITH c, min(p.e164) AS phone ORDER BY c.id
  RETURN collect({id: c.id, phone: phone})[..$n] AS campaigns
}
RETURN phones, domains, campaigns
