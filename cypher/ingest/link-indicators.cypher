// What the new reports of one part name, aggregated per node and per edge by src/ingest/batch-write.ts:
// each distinct node is merged once and its counts move once, by the part's totals, where the statement
// before this one moved them once per report (a third of the database's time on busy brands and hosts).
// Only new reports are here (merge-reports.cypher told which), so a duplicate changes no count.
// Locks in a fixed order: kinds in the order below, each list sorted by its key, so two transactions
// naming the same brands, domains and numbers queue on the first one instead of deadlocking. Every node
// is locked by its first SET; relationships come after, between nodes this transaction already holds.
// Counts are read inside SET, which takes the node's write lock before reading: concurrent parts lose none.
// first/last are the reports' own dates (reportedAt), null when none has one: a node's dates then stay.
// A new phone number or domain gets its STIX indicator id (`stixId`, made in src/evidence/stix-ids.ts: a hash,
// which Cypher cannot compute), by which TAXII finds it (taxii/indicators-by-id); data/set-stix-ids gives older nodes theirs.
// Each list's `reports` holds the element ids of the new Report nodes naming that node (with how, `via`).
// The lists come in one map, $part: a plan is cached per parameter type and list size (in powers of ten),
// and eleven list parameters, each empty or not in one part or the next, had it planned again and again.
// replan=skip: every step starts from a unique key or an element id, so the plan is the same at any count, and
// Neo4j replanned it each time the counts drifted 75% from those it was planned with (checked at most every 10 s):
// 1.0 to 1.6 s of the database's CPU each time, inside an ingest transaction holding its locks, as a graph fills
// (db.stats QUERIES over `npm run bench -- --quick --only ingest`, issue 22).
CYPHER replan=skip
//
// (1) Claimed brands: an unknown one becomes an unregistered Brand under the slug all its spellings share.
CALL () {
  UNWIND $part.brands AS brand
  WITH brand, datetime(brand.first) AS first, datetime(brand.last) AS last
  MERGE (b:Brand {slug: brand.slug})
    ON CREATE SET b.name = brand.name, b.registered = false, b.aliases = [], b.officialNumbers = [], b.officialDomains = []
  SET b.reportCount = coalesce(b.reportCount, 0) + size(brand.reports),
      b.firstSeen = CASE WHEN b.firstSeen IS NULL OR first < b.firstSeen THEN first ELSE b.firstSeen END,
      b.lastSeen = CASE WHEN b.lastSeen IS NULL OR last > b.lastSeen THEN last ELSE b.lastSeen END
  WITH b, brand
  UNWIND brand.reports AS report
  MATCH (r) WHERE elementId(r) = report
  CREATE (r)-[:IMPERSONATES]->(b)
}
// (2) The spelling as written is learned for the brand it resolved to, unless a brand holds it already:
//     a report never takes an alias from a brand.
CALL () {
  UNWIND $part.aliases AS claimed
  MERGE (alias:BrandAlias {key: claimed.key})
  WITH alias, claimed
  WHERE NOT EXISTS { (alias)-[:ALIAS_OF]->() }
  MATCH (b:Brand {slug: claimed.slug})
  CREATE (alias)-[:ALIAS_OF]->(b)
}
// (3) Domains before urls and email addresses, which hang off them.
CALL () {
  UNWIND $part.domains AS domain
  WITH domain, datetime(domain.first) AS first, datetime(domain.last) AS last
  MERGE (d:Domain {name: domain.name})
    ON CREATE SET d.isIp = domain.isIp, d.isShortener = domain.isShortener, d.isPlatform = domain.isPlatform,
                  d.isFreeMail = domain.isFreeMail, d.stixId = domain.stixId
  SET d.reportCount = coalesce(d.reportCount, 0) + size(domain.reports),
      d.firstSeen = CASE WHEN d.firstSeen IS NULL OR first < d.firstSeen THEN first ELSE d.firstSeen END,
      d.lastSeen = CASE WHEN d.lastSeen IS NULL OR last > d.lastSeen THEN last ELSE d.lastSeen END
  WITH d, domain
  UNWIND domain.reports AS report
  MATCH (r) WHERE elementId(r) = report
  CREATE (r)-[:NAMES_DOMAIN]->(d)
}
// (4) Phone numbers: one relationship per role the number played in a report, counted per role.
CALL () {
  UNWIND $part.phones AS phone
  WITH phone, datetime(phone.first) AS first, datetime(phone.last) AS last
  MERGE (p:PhoneNumber {e164: phone.e164})
    ON CREATE SET p.country = phone.country, p.numberType = phone.numberType, p.stixId = phone.stixId,
                  p.callbackCount = 0, p.callerIdCount = 0, p.senderIdCount = 0, p.brandCount = 0, p.domainCount = 0
  SET p.callbackCount = p.callbackCount + size(phone.callbacks),
      p.callerIdCount = p.callerIdCount + size(phone.callerIds),
      p.senderIdCount = p.senderIdCount + size(phone.senderIds),
      p.reportCount = coalesce(p.reportCount, 0) + phone.reports,
      p.firstSeen = CASE WHEN p.firstSeen IS NULL OR first < p.firstSeen THEN first ELSE p.firstSeen END,
      p.lastSeen = CASE WHEN p.lastSeen IS NULL OR last > p.lastSeen THEN last ELSE p.lastSeen END
  WITH p, phone
  CALL (p, phone) {
    UNWIND phone.callbacks AS link
    MATCH (r) WHERE elementId(r) = link.report
    CREATE (r)-[:CALLBACK_NUMBER {via: link.via}]->(p)
  }
  CALL (p, phone) {
    UNWIND phone.callerIds AS link
    MATCH (r) WHERE elementId(r) = link.report
    CREATE (r)-[:CALLER_ID {via: link.via}]->(p)
  }
  CALL (p, phone) {
    UNWIND phone.senderIds AS link
    MATCH (r) WHERE elementId(r) = link.report
    CREATE (r)-[:SENDER_ID {via: link.via}]->(p)
  }
}
CALL () {
  UNWIND $part.urls AS url
  WITH url, datetime(url.first) AS first, datetime(url.last) AS last
  MERGE (u:Url {url: url.url})
    ON CREATE SET u.hostname = url.hostname
  SET u.reportCount = coalesce(u.reportCount, 0) + size(url.reports),
      u.firstSeen = CASE WHEN u.firstSeen IS NULL OR first < u.firstSeen THEN first ELSE u.firstSeen END,
      u.lastSeen = CASE WHEN u.lastSeen IS NULL OR last > u.lastSeen THEN last ELSE u.lastSeen END
  WITH u, url
  MATCH (d:Domain {name: url.domain})
  MERGE (u)-[:ON_DOMAIN]->(d)
  WITH u, url
  UNWIND url.reports AS link
  MATCH (r) WHERE elementId(r) = link.report
  CREATE (r)-[:LINKS_TO {via: link.via}]->(u)
}
CALL () {
  UNWIND $part.emails AS email
  WITH email, datetime(email.first) AS first, datetime(email.last) AS last
  MERGE (e:EmailAddress {address: email.address})
  SET e.reportCount = coalesce(e.reportCount, 0) + size(email.reports),
      e.firstSeen = CASE WHEN e.firstSeen IS NULL OR first < e.firstSeen THEN first ELSE e.firstSeen END,
      e.lastSeen = CASE WHEN e.lastSeen IS NULL OR last > e.lastSeen THEN last ELSE e.lastSeen END
  WITH e, email
  MATCH (d:Domain {name: email.domain})
  MERGE (e)-[:AT_DOMAIN]->(d)
  WITH e, email
  UNWIND email.reports AS link
  MATCH (r) WHERE elementId(r) = link.report
  CREATE (r)-[:CONTACT_EMAIL {via: link.via}]->(e)
}
// (5) Payment destinations.
CALL () {
  UNWIND $part.wallets AS wallet
  WITH wallet, datetime(wallet.first) AS first, datetime(wallet.last) AS last
  MERGE (w:CryptoWallet {chain: wallet.chain, address: wallet.address})
  SET w.reportCount = coalesce(w.reportCount, 0) + size(wallet.reports),
      w.firstSeen = CASE WHEN w.firstSeen IS NULL OR first < w.firstSeen THEN first ELSE w.firstSeen END,
      w.lastSeen = CASE WHEN w.lastSeen IS NULL OR last > w.lastSeen THEN last ELSE w.lastSeen END
  WITH w, wallet
  UNWIND wallet.reports AS link
  MATCH (r) WHERE elementId(r) = link.report
  CREATE (r)-[:PAY_TO {via: link.via}]->(w)
}
CALL () {
  UNWIND $part.bankAccounts AS account
  WITH account, datetime(account.first) AS first, datetime(account.last) AS last
  MERGE (a:BankAccount {scheme: account.scheme, identifier: account.identifier})
  SET a.reportCount = coalesce(a.reportCount, 0) + size(account.reports),
      a.firstSeen = CASE WHEN a.firstSeen IS NULL OR first < a.firstSeen THEN first ELSE a.firstSeen END,
      a.lastSeen = CASE WHEN a.lastSeen IS NULL OR last > a.lastSeen THEN last ELSE a.lastSeen END
  WITH a, account
  UNWIND account.reports AS link
  MATCH (r) WHERE elementId(r) = link.report
  CREATE (r)-[:PAY_TO {via: link.via}]->(a)
}
// (6) Shared-infrastructure edges the analyst queries read directly, each with its report count and the
//     distinct-neighbour counts on both ends (connection totals, cross-brand ranking), once per pair.
//     Only CALLBACK evidence links a number: a spoofed caller ID never makes two brands look linked.
//     `last` is null when no report of the pair has a date (an undated source): lastSeen stays.
CALL () {
  UNWIND $part.callbackFor AS pair
  MATCH (p:PhoneNumber {e164: pair.e164}), (b:Brand {slug: pair.slug})
  WITH p, b, pair, datetime(pair.last) AS last
  MERGE (p)-[x:CALLBACK_FOR]->(b)
    ON CREATE SET x.reports = 0, p.brandCount = p.brandCount + 1,
                  b.callbackNumberCount = coalesce(b.callbackNumberCount, 0) + 1
  SET x.reports = x.reports + pair.reports, x.lastSeen = CASE WHEN last IS NULL OR x.lastSeen > last THEN x.lastSeen ELSE last END
}
CALL () {
  UNWIND $part.callbackWith AS pair
  MATCH (p:PhoneNumber {e164: pair.e164}), (d:Domain {name: pair.name})
  WITH p, d, pair, datetime(pair.last) AS last
  MERGE (p)-[x:CALLBACK_WITH]->(d)
    ON CREATE SET x.reports = 0, p.domainCount = p.domainCount + 1,
                  d.callbackNumberCount = coalesce(d.callbackNumberCount, 0) + 1
  SET x.reports = x.reports + pair.reports, x.lastSeen = CASE WHEN last IS NULL OR x.lastSeen > last THEN x.lastSeen ELSE last END
}
CALL () {
  UNWIND $part.domainFor AS pair
  MATCH (d:Domain {name: pair.name}), (b:Brand {slug: pair.slug})
  WITH d, b, pair, datetime(pair.last) AS last
  MERGE (d)-[x:DOMAIN_FOR]->(b)
    ON CREATE SET x.reports = 0, d.brandCount = coalesce(d.brandCount, 0) + 1,
                  b.domainCount = coalesce(b.domainCount, 0) + 1
  SET x.reports = x.reports + pair.reports, x.lastSeen = CASE WHEN last IS NULL OR x.lastSeen > last THEN x.lastSeen ELSE last END
}
FINISH
