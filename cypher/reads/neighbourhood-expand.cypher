// Up to two hops of a neighbourhood in one round trip. The first hop goes out from the frontier
// (element ids), or from the start node ($start: kind, canonical key, and qualifier: wallet chain
// or bank scheme), which then comes back too, as the first row, its source null. With $twoHops,
// the second goes out from the nodes the caller admits of the first: the first $room distinct
// ones in row order, hubs left out, and never back to the start (those edges came with the first).
// Rows are ordered by report count within each hop, each hop cut at $rowLimit; a node's degree is
// counted once, however many rows lead to it. Evidence relationships only (report to indicator, url to domain, email to
// domain); degree counts those only. A node above $hubDegree is drawn but not expanded, except the start with
// $expandStart: a hub searched for draws its strongest neighbours, not itself alone. (The summary's first
// step, the start node alone, is reads/look-up-node: this statement costs far more to plan.)
// Properties: only the non-null ones of $drawn[label], those a drawn node of that label is made of
// (graph-node.ts: its id, label and hub flags), as [key, value] pairs, each read once: not report
// texts, not every label's keys tested on every node (PROFILE, a 500-node neighbourhood of 3 hops on
// the 10,000-report world: 12,177 db hits with one list of 17 keys, 5,925 this way).
CALL () {
  UNWIND $frontier AS id MATCH (n) WHERE elementId(n) = id RETURN n
  UNION MATCH (n:PhoneNumber {e164: $start.key}) WHERE $start.kind = 'phone' RETURN n
  UNION MATCH (n:Domain {name: $start.key}) WHERE $start.kind = 'domain' RETURN n
  UNION MATCH (n:Url {url: $start.key}) WHERE $start.kind = 'url' RETURN n
  UNION MATCH (n:EmailAddress {address: $start.key}) WHERE $start.kind = 'email' RETURN n
  UNION MATCH (n:CryptoWallet {chain: $start.qualifier, address: $start.key}) WHERE $start.kind = 'wallet' RETURN n
  UNION MATCH (n:BankAccount {scheme: $start.qualifier, identifier: $start.key}) WHERE $start.kind = 'bank_account' RETURN n
  UNION MATCH (n:Brand {slug: $start.key}) WHERE $start.kind = 'brand' RETURN n
  UNION MATCH (n:Report {id: $start.key}) WHERE $start.kind = 'report' RETURN n
}
WITH n, COUNT { (n)-[:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES|ON_DOMAIN|AT_DOMAIN]-() } AS nDegree
CALL (n, nDegree) {
  WITH n WHERE $start IS NOT NULL
  RETURN true AS origin, [] AS rels, n AS m, nDegree AS degree
  UNION
  MATCH (n)-[rel:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES|ON_DOMAIN|AT_DOMAIN]-(m)
  WHERE nDegree <= $hubDegree OR $expandStart
  WITH m, collect(rel) AS rels
  RETURN false AS origin, rels, m, null AS degree
}
WITH origin, rels, m, degree
ORDER BY origin DESC, coalesce(m.reportCount, 0) DESC, elementId(m)
// From the start, the drawing can keep only the first $room nodes, and one more tells it that it was cut: a hub
// searched for (221 reports, or thousands) sent every report, its degree counted, to draw 99 of them.
LIMIT CASE WHEN $start IS NULL THEN $rowLimit ELSE $room + 2 END
WITH origin, rels, m, coalesce(degree, COUNT { (m)-[:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES|ON_DOMAIN|AT_DOMAIN]-() }) AS degree
UNWIND CASE WHEN origin THEN [null] ELSE rels END AS rel
WITH origin, rel, m, degree
ORDER BY origin DESC, coalesce(m.reportCount, 0) DESC, elementId(m)
LIMIT $rowLimit
WITH collect({hop: 1, origin: origin, rel: rel, m: m, degree: degree}) AS firstHop
CALL (firstHop) {
  UNWIND range(0, size(firstHop) - 1) AS at
  WITH firstHop[at] AS row, at WHERE $twoHops AND NOT row.origin
  WITH row.m AS n, row.degree AS nDegree, min(at) AS firstSeen
  ORDER BY firstSeen
  WITH collect({n: n, degree: nDegree}) AS reached
  // The drawing keeps the start and the first $room nodes reached (neighbourhood.service.ts). When the first hop
  // reached that many, the second can draw no new node: only the edges between kept nodes count, and one new node
  // tells the drawing it was cut. A busy number's first hop fills the drawing with reports, whose other
  // indicators (about 1,000 rows for a number in 221 reports) were read, counted and sent for nothing.
  WITH reached[0..$room] AS expanded, size(reached) >= $room AS full
  WITH expanded, full, [e IN expanded | e.n] AS kept
  UNWIND expanded AS e
  WITH e.n AS n, e.degree AS nDegree, full, kept
  MATCH (n)-[rel:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES|ON_DOMAIN|AT_DOMAIN]-(m)
  WHERE nDegree <= $hubDegree AND m <> firstHop[0].m
  WITH m, collect(rel) AS rels, full, m IN kept AS known
  WITH full, collect({m: m, rels: rels, known: known}) AS found
  UNWIND CASE WHEN full THEN [f IN found WHERE f.known] + [f IN found WHERE NOT f.known][0..1] ELSE found END AS f
  WITH f.m AS m, f.rels AS rels
  WITH m, rels, COUNT { (m)-[:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES|ON_DOMAIN|AT_DOMAIN]-() } AS degree
  UNWIND rels AS rel
  WITH rel, m, degree
  ORDER BY coalesce(m.reportCount, 0) DESC, elementId(m)
  LIMIT $rowLimit
  RETURN collect({hop: 2, origin: false, rel: rel, m: m, degree: degree}) AS secondHop
}
UNWIND firstHop + secondHop AS row
WITH row, row.m AS m, labels(row.m)[0] AS label
RETURN row.hop AS hop, elementId(startNode(row.rel)) AS source, elementId(endNode(row.rel)) AS target, type(row.rel) AS kind,
       elementId(m) AS id, label, row.degree AS degree,
       [pair IN [key IN coalesce($drawn[label], []) | [key, m[key]]] WHERE pair[1] IS NOT NULL] AS properties
