// Detection: the weighted link graph both engines read, (a)-[:CAMPAIGN_LINK {weight, reports, lastAt}]->(b)
// between two linking indicators named by the same reports (kept after the run: campaigns explain
// themselves and their bridges from it). The weight is what the evidence between them is worth:
//   (1) role: a report counts at the weaker of the two roles ($roles: a callback number or payment
//       destination is the operation's own, a link or a domain can be a borrowed host);
//   (2) repetition: each distinct day counts 1, further reports the same day $sameDay (a burst of
//       copies of one message is one sighting more than many);
//   (3) sources: each further independent source (up to 3) adds $perSource;
//   (4) time: evidence older than an end's return from silence (mark-silences: a recycled number)
//       fades by half every $halfLifeDays between the link's last report and that return.
MATCH (r:Report)-[ra:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->(a)
WHERE a.campaignEvidence = 'link'
MATCH (r)-[rb:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->(b)
WHERE b.campaignEvidence = 'link' AND elementId(a) < elementId(b)
WITH a, b, r, CASE WHEN $roles[type(ra)] < $roles[type(rb)] THEN $roles[type(ra)] ELSE $roles[type(rb)] END AS role
WITH a, b, count(DISTINCT r) AS reports, count(DISTINCT date(r.receivedAt)) AS days,
     count(DISTINCT r.source) AS sources, avg(role) AS role, max(r.receivedAt) AS lastAt
WITH a, b, reports, lastAt,
     role * (days + $sameDay * (reports - days)) * (1 + $perSource * (CASE WHEN sources > 3 THEN 3 ELSE sources END - 1)) AS evidence,
     [since IN [a.campaignSince, b.campaignSince] WHERE since > lastAt | duration.inSeconds(lastAt, since).seconds / 86400.0] AS silences
WITH a, b, reports, lastAt, reduce(weight = evidence, silence IN silences | weight * 0.5 ^ (silence / $halfLifeDays)) AS weight
CALL (a, b, weight, reports, lastAt) {
  CREATE (a)-[:CAMPAIGN_LINK {weight: weight, reports: reports, lastAt: lastAt}]->(b)
} IN TRANSACTIONS OF 10000 ROWS
