// Campaign.picture: one campaign drawn whole, as the explorer shows it.
//   (1) members (not reports), most reported first, up to $limit; memberTotal says how many in all;
//   (2) links: the CAMPAIGN_LINKs between members (weigh-links: reports naming both, weight), from
//       each drawn member (the service keeps those whose other end is drawn too);
//   (3) attached: hubs and official channels its reports name (a shortener, a free-mail domain, the
//       claimed brand's own number spoofed as caller ID or its real site named), each with the drawn
//       members named beside it, by reports: marked as what they are, never as members;
//       each report's relationships are read once (grouped first; it was once per member it names);
//   (4) bridges: per other campaign, the drawn members linked to it and the links' weight and reports
//       summed: a collapsed neighbour for the analyst to judge, never merged.
// Rows are lists, not maps (campaign-picture.ts names their places): a map sends its keys as strings, which the
// driver decodes one by one, and a node's properties as [key, value] pairs were as many strings again; on the
// bench's 2,000-node picture the lists took the statement from about 300 to 160 ms, decoding included (load 1).
//   A node is [elementId, label, reportCount, evidence, official, firstSeen, lastSeen, [values of $drawn[label]]]:
// what graph-node.ts draws it from; its dates come as ISO text (decoding 4,000 DateTimes was a sixth of the
// service's time), the other drawn properties those its label is drawn from (DRAWN_BY_LABEL), in that order.
//   (5) each hub or official channel once (it was once per member beside it: 1,715 rows for 3 nodes on the
// bench's picture), and no bridges looked for when detection counted none (bridgeCount, summarise-campaigns:
// CAMPAIGN_LINKs change only at detection); with the labels' own reads, db hits 388,000 to 241,000 (PROFILE),
// with (3)'s reports read once 145,000.
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
  WITH r, collect(m) AS named
  MATCH (r)-[role:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->(x)
  WHERE x.campaignEvidence IN ['hub', 'official'] OR x.e164 IN officials OR x.name IN officials
  UNWIND named AS m
  WITH x, m, count(DISTINCT r) AS reports, count(DISTINCT date(r.receivedAt)) AS days, collect(DISTINCT type(role)) AS roles
  RETURN collect({x: x, member: elementId(m), reports: reports, days: days, roles: roles}) AS attached, collect(DISTINCT x) AS attachedNodes
}
CALL (c, members) {
  WITH c, members WHERE coalesce(c.bridgeCount, 1) > 0
  UNWIND members AS a
  MATCH (a)-[l:CAMPAIGN_LINK]-(b)-[:IN_CAMPAIGN]->(other:Campaign)
  WHERE other <> c
  RETURN collect({campaign: other.id, size: other.size, member: elementId(a), weight: l.weight, reports: l.reports}) AS bridges
}
WITH memberTotal, links, bridges,
     [m IN members | {m: m, official: false}] + [x IN attachedNodes | {m: x, official: x.e164 IN officials OR x.name IN officials OR x.campaignEvidence = 'official'}] AS drawn,
     [row IN attached | [elementId(row.x), row.member, row.reports, row.days, row.roles]] AS attachedLinks
CALL (drawn) {
  UNWIND drawn AS n
  WITH n.m AS m, n.official AS official, labels(n.m)[0] AS label
  RETURN collect([elementId(m), label, coalesce(m.reportCount, 0), m.campaignEvidence, coalesce(official, false),
                  toString(m.firstSeen), toString(m.lastSeen), [key IN coalesce($drawn[label], []) | m[key]]]) AS nodes
}
RETURN memberTotal, links, bridges, attachedLinks, nodes
