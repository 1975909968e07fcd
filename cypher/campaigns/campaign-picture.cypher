// Campaign.picture: one campaign drawn whole, as the explorer shows it.
//   (1) members (not reports), most reported first, up to $limit; memberTotal says how many in all;
//   (2) links: the CAMPAIGN_LINKs between members (weigh-links: reports naming both, weight), from
//       each drawn member (the service keeps those whose other end is drawn too);
//   (3) attached: hubs and official channels its reports name (a shortener, a free-mail domain, the
//       claimed brand's own number spoofed as caller ID or its real site named), each with the drawn
//       members named beside it, by reports: marked as what they are, never as members;
//   (4) bridges: per other campaign, the drawn members linked to it and the links' weight and reports
//       summed: a collapsed neighbour for the analyst to judge, never merged.
// Rows are lists, not maps (campaign-picture.ts names their places): a map sends its keys as strings, which the
// driver decodes one by one, and a node's properties as [key, value] pairs were as many strings again; on the
// bench's 2,000-node picture the lists took the statement from about 300 to 160 ms, decoding included (load 1).
//   A node is [elementId, label, reportCount, evidence, official, firstSeen, lastSeen, [values of $undated]]:
// what graph-node.ts draws it from; its dates come as ISO text (decoding 4,000 DateTimes was a sixth of the
// service's time), the other drawn properties in the order of $undated, null where the node has none.
MATCH (c:Campaign {id: $id})
CALL () {
  MATCH (b:Brand)
  UNWIND b.officialNumbers + b.officialDomains AS official
  RETURN collect(DISTINCT official) AS officials
}
CALL (c) {
  MATCH (m)-[:IN_CAMPAIGN]->(c) WHERE NOT m:Report
  WITH m ORDER BY coalesce(m.reportCount, 0) DESC, elementId(m)
  RETURN count(m) AS memberTotal, collect(m)[..$limit] AS members
}
CALL (members) {
  UNWIND members AS a
  MATCH (a)-[l:CAMPAIGN_LINK]->(b)
  RETURN collect([elementId(a), elementId(b), l.reports]) AS links
}
CALL (c, members, officials) {
  UNWIND members AS m
  MATCH (m)<-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]-(r:Report)-[:IN_CAMPAIGN]->(c)
  MATCH (r)-[role:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->(x)
  WHERE x.campaignEvidence IN ['hub', 'official'] OR x.e164 IN officials OR x.name IN officials
  WITH x, m, count(DISTINCT r) AS reports, count(DISTINCT date(r.receivedAt)) AS days, collect(DISTINCT type(role)) AS roles
  RETURN collect({x: x, member: elementId(m), reports: reports, days: days, roles: roles}) AS attached
}
CALL (c, members) {
  UNWIND members AS a
  MATCH (a)-[l:CAMPAIGN_LINK]-(b)-[:IN_CAMPAIGN]->(other:Campaign)
  WHERE other <> c
  RETURN collect({campaign: other.id, size: other.size, member: elementId(a), weight: l.weight, reports: l.reports}) AS bridges
}
WITH memberTotal, links, bridges, officials,
     [m IN members | {m: m, official: false}] + [row IN attached | {m: row.x, official: row.x.e164 IN officials OR row.x.name IN officials OR row.x.campaignEvidence = 'official'}] AS drawn,
     [row IN attached | [elementId(row.x), row.member, row.reports, row.days, row.roles]] AS attachedLinks
RETURN memberTotal, links, bridges, attachedLinks,
       [n IN drawn | [elementId(n.m), labels(n.m)[0], coalesce(n.m.reportCount, 0), n.m.campaignEvidence, coalesce(n.official, false),
                      toString(n.m.firstSeen), toString(n.m.lastSeen), [key IN $undated | n.m[key]]]] AS nodes
