// What checkDomain weighs, for a batch of registrable domains; official domains and lookalikes
// are judged in code against the brand registry (cypher/brands/registered-brands.cypher).
UNWIND $keys AS key
OPTIONAL MATCH (d:Domain {name: key})
OPTIONAL MATCH (d)-[:IN_CAMPAIGN]->(campaign:Campaign)
RETURN key, {
  reportCount: coalesce(d.reportCount, 0),
  callbackNumbers: coalesce(d.callbackNumberCount, 0),
  brands: [(d)-[:DOMAIN_FOR]->(b:Brand) | b.name],
  campaignSize: campaign.size,
  isShortener: coalesce(d.isShortener, false),
  isPlatform: coalesce(d.isPlatform, false),
  isFreeMail: coalesce(d.isFreeMail, false),
  firstSeen: d.firstSeen,
  lastSeen: d.lastSeen
} AS node
