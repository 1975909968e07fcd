// The outbox of one part of a batch of reports, read in the part's own transaction right after
// link-indicators (src/monitoring/report-outbox.ts): the watches what the part names could concern, found
// by key, and the few graph facts src/monitoring/report-matches.ts needs to turn them into alerts, which
// write-alerts then writes in the same transaction. The part knows which reports name what; the graph
// only answers what the part cannot: watches, ties older than the part, and campaigns.
// Every lookup starts from an index on a key the part holds (a watch's target or prefix, a brand's slug, an
// indicator's key), so the cost follows the part's size, not the number of watches (issue 18: matching
// walked every report's neighbours and every indicator's campaign: 65,000 db hits and 0.4 s per 250
// reports with 1,000 watches, more than writing them).
// (0) No watch in the graph, the usual case: the count store says so and nothing else is read.
// $outbox is one map: a plan is cached per list size of each list parameter (link-indicators says why).
// replan=skip: the plan reads by key whatever the counts, and Neo4j replans a cached plan once the counts it was made
// with are 75% off (checked at most every 10 s): the first watches (or, in the bench, 1,000 set aside and back), or
// alerts from none to hundreds, replanned this statement inside an ingest transaction: 50 to 840 ms each on 2 busy
// cores (1.1 to 3 s cold), the first watched slice's loss (issue 18, db.stats QUERIES compile times). The one step
// whose plan follows the counts, (4), scans brands or brand watches, both few.
CYPHER replan=skip
CALL () {
  MATCH (w:Watch)
  RETURN count(w) > 0 AS watched
}
WITH watched WHERE watched
// (1) Indicator watches by target ("phone:+614…": kind and key, as src/infrastructure/indicator-node.ts writes it).
CALL () {
  UNWIND $outbox.targets AS target
  MATCH (w:Watch {target: target})
  WHERE w.kind = 'INDICATOR'
  RETURN collect({watchId: w.id, target: target}) AS indicators
}
// (2) Number ranges: the watches whose prefix leads any of the part's numbers (every leading run of digits).
CALL () {
  MATCH (w:Watch)
  WHERE w.prefix IN $outbox.prefixes
  RETURN collect({watchId: w.id, prefix: w.prefix}) AS prefixes
}
// (3) Brand watches on the brands the part's reports claim, and which of the part's (number or domain, brand)
//     ties are new: every report tying them is in this part (the tie's report count is the part's own).
CALL () {
  UNWIND $outbox.slugs AS slug
  MATCH (b:Brand {slug: slug})<-[:WATCHES]-(w:Watch {kind: 'BRAND'})
  RETURN collect({watchId: w.id, slug: slug, officialDomains: b.officialDomains}) AS brands
}
CALL (brands) {
  UNWIND $outbox.ties AS tie
  WITH tie WHERE any(watch IN brands WHERE watch.slug = tie.slug)
  OPTIONAL MATCH (:PhoneNumber {e164: tie.key})-[number:CALLBACK_FOR]->(:Brand {slug: tie.slug})
  WHERE tie.kind = 'phone'
  OPTIONAL MATCH (:Domain {name: tie.key})-[domain:DOMAIN_FOR]->(:Brand {slug: tie.slug})
  WHERE tie.kind = 'domain'
  WITH tie WHERE coalesce(number.reports, domain.reports) = tie.reports
  RETURN collect(tie {.kind, .key, .slug}) AS ties
}
// (4) Lookalikes: the brands a BRAND watch watches that have official domains, with their watches, and the
//     part's domains no report outside it names. src/scoring/lookalike.ts compares them (a check and an
//     alert agree); usually no brand is watched and no domain is read.
CALL () {
  MATCH (b:Brand)<-[:WATCHES]-(w:Watch {kind: 'BRAND'})
  WHERE size(b.officialDomains) > 0
  WITH b, collect(w.id) AS watchIds
  RETURN collect(b {.slug, .name, .aliases, .officialDomains, watchIds: watchIds}) AS lookalikeBrands
}
CALL (lookalikeBrands) {
  UNWIND CASE WHEN size(lookalikeBrands) > 0 THEN $outbox.domains ELSE [] END AS domain
  MATCH (d:Domain {name: domain.name})
  WHERE d.reportCount = domain.reports
  RETURN collect(domain.name) AS newDomains
}
// (5) Campaigns: of the part's indicators that older reports named too (a new one is in no campaign yet),
//     which are in a campaign, and the CAMPAIGN watches on it. One list per kind, each by its own key
//     constraint: a UNION over the kinds looked every indicator up under all six labels.
CALL () {
  UNWIND $outbox.nodes.phone AS node
  MATCH (n:PhoneNumber {e164: node.key})
  WHERE n.reportCount > node.reports AND EXISTS { (n)-[:IN_CAMPAIGN]->() }
  RETURN collect({target: node.target, watchIds: [(n)-[:IN_CAMPAIGN]->(:Campaign)<-[:WATCHES]-(w:Watch {kind: 'CAMPAIGN'}) | w.id]}) AS phones
}
CALL () {
  UNWIND $outbox.nodes.domain AS node
  MATCH (n:Domain {name: node.key})
  WHERE n.reportCount > node.reports AND EXISTS { (n)-[:IN_CAMPAIGN]->() }
  RETURN collect({target: node.target, watchIds: [(n)-[:IN_CAMPAIGN]->(:Campaign)<-[:WATCHES]-(w:Watch {kind: 'CAMPAIGN'}) | w.id]}) AS domains
}
CALL () {
  UNWIND $outbox.nodes.url AS node
  MATCH (n:Url {url: node.key})
  WHERE n.reportCount > node.reports AND EXISTS { (n)-[:IN_CAMPAIGN]->() }
  RETURN collect({target: node.target, watchIds: [(n)-[:IN_CAMPAIGN]->(:Campaign)<-[:WATCHES]-(w:Watch {kind: 'CAMPAIGN'}) | w.id]}) AS urls
}
CALL () {
  UNWIND $outbox.nodes.email AS node
  MATCH (n:EmailAddress {address: node.key})
  WHERE n.reportCount > node.reports AND EXISTS { (n)-[:IN_CAMPAIGN]->() }
  RETURN collect({target: node.target, watchIds: [(n)-[:IN_CAMPAIGN]->(:Campaign)<-[:WATCHES]-(w:Watch {kind: 'CAMPAIGN'}) | w.id]}) AS emails
}
CALL () {
  UNWIND $outbox.nodes.wallet AS node
  MATCH (n:CryptoWallet {chain: node.qualifier, address: node.key})
  WHERE n.reportCount > node.reports AND EXISTS { (n)-[:IN_CAMPAIGN]->() }
  RETURN collect({target: node.target, watchIds: [(n)-[:IN_CAMPAIGN]->(:Campaign)<-[:WATCHES]-(w:Watch {kind: 'CAMPAIGN'}) | w.id]}) AS wallets
}
CALL () {
  UNWIND $outbox.nodes.bank_account AS node
  MATCH (n:BankAccount {scheme: node.qualifier, identifier: node.key})
  WHERE n.reportCount > node.reports AND EXISTS { (n)-[:IN_CAMPAIGN]->() }
  RETURN collect({target: node.target, watchIds: [(n)-[:IN_CAMPAIGN]->(:Campaign)<-[:WATCHES]-(w:Watch {kind: 'CAMPAIGN'}) | w.id]}) AS accounts
}
RETURN indicators, prefixes, brands, ties, lookalikeBrands, newDomains, phones + domains + urls + emails + wallets + accounts AS placed
