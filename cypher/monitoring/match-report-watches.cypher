// The outbox: alerts for every watch a batch of new reports matches, run in the batch's own transaction
// (IngestService's inSameTransaction), so an alert exists exactly when its report does. $reportIds: the
// reports this batch created; $lookalikes: {domain, brand, official}, the new domains of the batch that imitate
// a watched brand (lookalike-candidates and src/scoring/lookalike.ts, just before, in this transaction). Each alert takes the next number of its owner's AlertStream: the stream's
// lock is held to commit, so a key's alerts commit in number order and a reader after n misses none.
// (0) No watch in the graph, the usual case: nothing can match. The count store says so at no cost, where
//     the branches below walk everything each new report names (issue 22: with no watch, this statement
//     took more database CPU per report than writing the reports).
CALL () {
  MATCH (w:Watch)
  RETURN count(w) > 0 AS watched
}
WITH watched WHERE watched
UNWIND $reportIds AS reportId
MATCH (r:Report {id: reportId})
CALL (r) {
  // (1) Indicator watches: a new report naming the indicator, in any role.
  MATCH (r)-[role]->(n)<-[:WATCHES]-(w:Watch {kind: 'INDICATOR'})
  RETURN w, 'NEW_REPORT' AS event, n, type(role) AS role, r.id AS once, null AS resembles
  UNION
  // (2) Brand watches: a callback number or domain first tied to the brand by this batch (the tie's
  //     report count is all this batch's), once per number or domain however many reports named it.
  //     Asked as "no report outside the batch ties them", which stops at the first older report: counting
  //     the batch's reports walked every report of a busy number, for each report of the batch naming it
  //     (620 to 810 ms per 500 reports with 1,000 watches; docs/performance.md, "Alerts").
  MATCH (r)-[:IMPERSONATES]->(b:Brand)<-[:WATCHES]-(w:Watch {kind: 'BRAND'})
  MATCH (r)-[:CALLBACK_NUMBER]->(n:PhoneNumber)-[:CALLBACK_FOR]->(b)
  WHERE NOT EXISTS { (n)<-[:CALLBACK_NUMBER]-(o:Report)-[:IMPERSONATES]->(b) WHERE NOT o.id IN $reportIds }
  RETURN w, 'NEW_CALLBACK_NUMBER' AS event, n, 'CALLBACK_NUMBER' AS role, null AS once, null AS resembles
  UNION
  MATCH (r)-[:IMPERSONATES]->(b:Brand)<-[:WATCHES]-(w:Watch {kind: 'BRAND'})
  MATCH (r)-[:NAMES_DOMAIN]->(n:Domain)-[:DOMAIN_FOR]->(b)
  WHERE NOT n.name IN b.officialDomains
    AND NOT EXISTS { (n)<-[:NAMES_DOMAIN]-(o:Report)-[:IMPERSONATES]->(b) WHERE NOT o.id IN $reportIds }
  RETURN w, 'NEW_DOMAIN' AS event, n, 'NAMES_DOMAIN' AS role, null AS once, null AS resembles
  UNION
  // (3) Prefix watches: a number in a watched range, found through the prefix index by its leading digits.
  MATCH (r)-[role:CALLBACK_NUMBER|CALLER_ID|SENDER_ID]->(n:PhoneNumber)
  WITH r, n, role, [i IN range(2, size(n.e164)) | left(n.e164, i)] AS prefixes
  MATCH (w:Watch) WHERE w.prefix IN prefixes
  RETURN w, 'NUMBER_REPORTED' AS event, n, type(role) AS role, r.id AS once, null AS resembles
  UNION
  // (4) Campaign watches: a report naming the campaign's infrastructure beside indicators in no campaign
  //     yet: they join it (join-at-ingest places them right after this transaction).
  MATCH (r)-->(:!Report&!Brand)-[:IN_CAMPAIGN]->(c:Campaign)<-[:WATCHES]-(w:Watch {kind: 'CAMPAIGN'})
  MATCH (r)-[role:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->(n)
  WHERE NOT EXISTS { (n)-[:IN_CAMPAIGN]->() }
  RETURN w, 'NEW_INFRASTRUCTURE' AS event, n, type(role) AS role, null AS once, null AS resembles
  UNION
  // (5) Brand watches: a new domain imitating the brand's official domains, named by a report that does not
  //     claim the brand (a report claiming it ties the domain to it: that is NEW_DOMAIN, above).
  UNWIND $lookalikes AS look
  MATCH (r)-[:NAMES_DOMAIN]->(n:Domain {name: look.domain})
  MATCH (b:Brand {slug: look.brand})<-[:WATCHES]-(w:Watch {kind: 'BRAND'})
  WHERE NOT EXISTS { (n)-[:DOMAIN_FOR]->(b) }
  RETURN w, 'LOOKALIKE_DOMAIN' AS event, n, 'NAMES_DOMAIN' AS role, null AS once, look.official AS resembles
}
// One alert per watch, event and indicator (per report where `once` says so), tied to its first report.
WITH w, event, n, once, resembles, min(r.id) AS reportId, min(role) AS role
WITH w, event, reportId, role, resembles,
     CASE WHEN n:PhoneNumber THEN ['phone', n.e164] WHEN n:Domain THEN ['domain', n.name] WHEN n:Url THEN ['url', n.url]
          WHEN n:EmailAddress THEN ['email', n.address] WHEN n:CryptoWallet THEN ['wallet', n.chain + ':' + n.address]
          WHEN n:BankAccount THEN ['bank_account', n.scheme + ':' + n.identifier] ELSE ['other', elementId(n)] END AS subject
ORDER BY w.ownerKeyId, w.id, reportId, subject[1]
WITH w.ownerKeyId AS owner, collect({w: w, event: event, reportId: reportId, role: role, subject: subject, resembles: resembles}) AS matches
// (5) Owners in key order, so two batches lock streams in the same order and never deadlock on them.
ORDER BY owner
MATCH (s:AlertStream {keyId: owner})
SET s.seq = s.seq + size(matches)
WITH s, matches, s.seq - size(matches) AS base
UNWIND range(0, size(matches) - 1) AS i
WITH s, base + i + 1 AS seq, matches[i] AS m
WITH s, seq, m, m.w AS w
CREATE (a:Alert {id: s.keyId + ':' + toString(seq), ownerKeyId: s.keyId, seq: seq, watchId: w.id, event: m.event,
                 subjectKind: m.subject[0], subjectValue: m.subject[1], role: m.role, reportId: m.reportId, resembles: m.resembles,
                 createdAt: datetime(), attempts: 0,
                 delivery: CASE WHEN w.webhookUrl IS NULL THEN 'NONE' ELSE 'PENDING' END, nextAttemptAt: datetime()})
CREATE (a)-[:OF_WATCH]->(w)
RETURN count(a) AS alerts
