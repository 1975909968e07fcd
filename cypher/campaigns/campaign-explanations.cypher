// Campaign.strongestLinks and Campaign.bridges in one round trip per request: why its members belong
// together, and what ties it to other campaigns without having been enough to merge them.
//   (1) strongest links: links between two members (weigh-links), heaviest first, each with the
//       latest reports naming both ends, so an analyst can open them;
//   (2) bridges: per other campaign, the links from a member to one of its members (weight summed),
//       heaviest first, each with its links and their reports, so the analyst can judge the bridge.
// An end is {kind, key}: kind as indicatorCampaign keys it, key the indicator's canonical key.
UNWIND $keys AS key
MATCH (c:Campaign {id: key})
CALL (c) {
  MATCH (c)<-[:IN_CAMPAIGN]-(a)-[link:CAMPAIGN_LINK]->(b)-[:IN_CAMPAIGN]->(c)
  WITH a, b, link ORDER BY link.weight DESC, link.reports DESC LIMIT $limit
  CALL (a, b) {
    MATCH (a)<-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]-(r:Report)-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->(b)
    WITH DISTINCT r ORDER BY r.receivedAt DESC LIMIT 3
    RETURN collect(r.id) AS reportIds
  }
  RETURN collect({from: {kind: [kind IN ['PhoneNumber', 'Url', 'Domain', 'EmailAddress', 'CryptoWallet', 'BankAccount'] WHERE kind IN labels(a)][0], key: coalesce(a.e164, a.url, a.name, a.address, a.identifier)}, to: {kind: [kind IN ['PhoneNumber', 'Url', 'Domain', 'EmailAddress', 'CryptoWallet', 'BankAccount'] WHERE kind IN labels(b)][0], key: coalesce(b.e164, b.url, b.name, b.address, b.identifier)},
                  weight: link.weight, reports: link.reports, lastAt: link.lastAt, reportIds: reportIds}) AS strongestLinks
}
CALL (c) {
  MATCH (c)<-[:IN_CAMPAIGN]-(a)-[link:CAMPAIGN_LINK]-(b)-[:IN_CAMPAIGN]->(other:Campaign)
  WHERE other <> c
  WITH other, a, b, link ORDER BY link.weight DESC
  WITH other, sum(link.weight) AS weight, collect({a: a, b: b, link: link})[..3] AS strongest
  ORDER BY weight DESC, other.id LIMIT $limit
  CALL (strongest) {
    UNWIND strongest AS tie
    WITH tie.a AS a, tie.b AS b, tie.link AS link
    CALL (a, b) {
      MATCH (a)<-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]-(r:Report)-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->(b)
      WITH DISTINCT r ORDER BY r.receivedAt DESC LIMIT 3
      RETURN collect(r.id) AS reportIds
    }
    RETURN collect({from: {kind: [kind IN ['PhoneNumber', 'Url', 'Domain', 'EmailAddress', 'CryptoWallet', 'BankAccount'] WHERE kind IN labels(a)][0], key: coalesce(a.e164, a.url, a.name, a.address, a.identifier)}, to: {kind: [kind IN ['PhoneNumber', 'Url', 'Domain', 'EmailAddress', 'CryptoWallet', 'BankAccount'] WHERE kind IN labels(b)][0], key: coalesce(b.e164, b.url, b.name, b.address, b.identifier)},
                    weight: link.weight, reports: link.reports, lastAt: link.lastAt, reportIds: reportIds}) AS links
  }
  RETURN collect({campaignId: other.id, weight: weight, links: links}) AS bridges
}
RETURN key, {strongestLinks: strongestLinks, bridges: bridges} AS node
