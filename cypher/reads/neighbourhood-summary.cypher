// A summarised neighbourhood (src/infrastructure/neighbourhood-summary.service.ts): what one node
// ($start, an element id) shares reports with, so a number named by 500 reports draws as its
// strongest neighbours and a count of the rest, never as one lonely node nor as a hairball.
//   (1) Reports are folded: each neighbour comes with the distinct reports and days it shares with
//       the start (its evidence) and the roles it and the start play in them. A Report start has
//       its own indicators as neighbours; with $withReports the reports are neighbours too.
//   (2) Per node label: how many neighbours and the reports they share in all (the folded group's
//       totals), and from $skip the $take strongest (most shared reports, then days, then most
//       reports of their own). The service draws the strongest of all kinds and folds the rest;
//   (3) paging a folded group asks for one label ($onlyLabel) further on.
//   (4) Drawn rows only: degree (for the hub mark) and whether a brand names the node as its own
//       official channel (or detection marked it so: a url or address on an official domain); the
//       start's own mark comes on every row.
MATCH (s) WHERE elementId(s) = $start
CALL (s) {
  MATCH (s)<-[rs:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES]-(r:Report)
        -[rm:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES]->(m)
  WHERE m <> s
  RETURN m, count(DISTINCT r) AS reports, count(DISTINCT date(r.receivedAt)) AS days, collect(DISTINCT type(rm)) AS roles,
         collect(DISTINCT type(rs)) AS startRoles
  UNION
  MATCH (s)<-[rs:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES]-(m:Report)
  WHERE $withReports
  RETURN m, 1 AS reports, 1 AS days, collect(DISTINCT type(rs)) AS roles, collect(DISTINCT type(rs)) AS startRoles
  UNION
  MATCH (s:Report)-[rm:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES]->(m)
  RETURN m, 1 AS reports, 1 AS days, collect(DISTINCT type(rm)) AS roles, collect(DISTINCT type(rm)) AS startRoles
}
WITH s, m, reports, days, roles, startRoles, labels(m)[0] AS label
WHERE $onlyLabel IS NULL OR label = $onlyLabel
ORDER BY reports DESC, days DESC, coalesce(m.reportCount, 0) DESC, elementId(m)
WITH s, label, count(*) AS total, sum(reports) AS totalReports,
     collect({m: m, reports: reports, days: days, roles: roles, startRoles: startRoles})[$skip..$skip + $take] AS strongest
CALL () {
  MATCH (b:Brand)
  UNWIND b.officialNumbers + b.officialDomains AS official
  RETURN collect(DISTINCT official) AS officials
}
UNWIND strongest AS row
WITH s, label, total, totalReports, row, row.m AS m, officials
RETURN s.e164 IN officials OR s.name IN officials OR s.campaignEvidence = 'official' AS startOfficial, label, total, totalReports, elementId(m) AS id, row.reports AS reports, row.days AS days, row.roles AS roles,
       row.startRoles AS startRoles, coalesce(m.reportCount, 0) AS reportCount,
       COUNT { (m)-[:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES|ON_DOMAIN|AT_DOMAIN]-() } AS degree,
       m.e164 IN officials OR m.name IN officials OR m.campaignEvidence = 'official' AS official,
       [key IN $drawn WHERE m[key] IS NOT NULL | [key, m[key]]] AS properties
