// Ingest's statement before issue 22, kept for the bench as "today's statement by the driver" and the naive
// path: each row writes its report and everything it names, counts moved once per report; the service now
// writes cypher/ingest/merge-reports and link-indicators (each node once per batch, counts aggregated).
// Rows come from src/ingest/report-rows.ts: indicators are already normalised and deduplicated per report,
// domains derived from urls and emails.
UNWIND $reports AS row
WITH row, datetime(row.receivedAt) AS at
// (1) Idempotency: MERGE on (source, externalId).
CALL (row) {
  WITH row WHERE row.externalId IS NOT NULL
  MERGE (r:Report {source: row.source, externalId: row.externalId})
    ON CREATE SET r.id = row.id, r.createdNow = true
  RETURN r
  UNION
  WITH row WHERE row.externalId IS NULL
  CREATE (r:Report {id: row.id, source: row.source, createdNow: true})
  RETURN r
}
// A report is new only if this very execution created it: the same id alone is not enough, since a
// driver retry of a transaction that committed unacknowledged re-sends the same ids; the marker is
// gone by then. The id check keeps a second row of the batch with the same externalId a duplicate.
WITH row, at, r, r.createdNow IS NOT NULL AND r.id = row.id AS isNew
REMOVE r.createdNow
WITH *
// (2) Only a new report writes anything below: a duplicate changes no count.
CALL (row, at, r, isNew) {
  WITH * WHERE isNew
  SET r.receivedAt = at, r.submittedAt = datetime(), r.channel = row.channel, r.scamType = row.scamType,
      r.text = row.text, r.template = row.template, r.defaultRegion = row.defaultRegion,
      r.referenceNumbers = row.referenceNumbers, r.shortCodes = row.shortCodes
  WITH *
  // (3) Phone numbers: one relationship per role the number played in this report.
  CALL (row, r) {
    UNWIND row.phones AS phone
    MERGE (p:PhoneNumber {e164: phone.e164})
      ON CREATE SET p.country = phone.country, p.numberType = phone.numberType,
                    p.callbackCount = 0, p.callerIdCount = 0, p.senderIdCount = 0, p.brandCount = 0, p.domainCount = 0
    SET p.callbackCount = p.callbackCount + CASE WHEN phone.callback IS NULL THEN 0 ELSE 1 END,
        p.callerIdCount = p.callerIdCount + CASE WHEN phone.callerId IS NULL THEN 0 ELSE 1 END,
        p.senderIdCount = p.senderIdCount + CASE WHEN phone.senderId IS NULL THEN 0 ELSE 1 END
    FOREACH (via IN CASE WHEN phone.callback IS NULL THEN [] ELSE [phone.callback] END |
      CREATE (r)-[:CALLBACK_NUMBER {via: via}]->(p))
    FOREACH (via IN CASE WHEN phone.callerId IS NULL THEN [] ELSE [phone.callerId] END |
      CREATE (r)-[:CALLER_ID {via: via}]->(p))
    FOREACH (via IN CASE WHEN phone.senderId IS NULL THEN [] ELSE [phone.senderId] END |
      CREATE (r)-[:SENDER_ID {via: via}]->(p))
  }
  // (4) Domains first: urls and email addresses hang off them.
  CALL (row, r) {
    UNWIND row.domains AS domain
    MERGE (d:Domain {name: domain.name})
      ON CREATE SET d.isIp = domain.isIp, d.isShortener = domain.isShortener, d.isPlatform = domain.isPlatform,
                    d.isFreeMail = domain.isFreeMail
    CREATE (r)-[:NAMES_DOMAIN]->(d)
  }
  CALL (row, r) {
    UNWIND row.urls AS link
    MATCH (d:Domain {name: link.domain})
    MERGE (u:Url {url: link.url})
      ON CREATE SET u.hostname = link.hostname
    MERGE (u)-[:ON_DOMAIN]->(d)
    CREATE (r)-[:LINKS_TO {via: link.via}]->(u)
  }
  CALL (row, r) {
    UNWIND row.emails AS email
    MATCH (d:Domain {name: email.domain})
    MERGE (e:EmailAddress {address: email.address})
    MERGE (e)-[:AT_DOMAIN]->(d)
    CREATE (r)-[:CONTACT_EMAIL {via: email.via}]->(e)
  }
  // (5) Payment destinations.
  CALL (row, r) {
    UNWIND row.wallets AS wallet
    MERGE (w:CryptoWallet {chain: wallet.chain, address: wallet.address})
    CREATE (r)-[:PAY_TO {via: wallet.via}]->(w)
  }
  CALL (row, r) {
    UNWIND row.bankAccounts AS account
    MERGE (a:BankAccount {scheme: account.scheme, identifier: account.identifier})
    CREATE (r)-[:PAY_TO {via: account.via}]->(a)
  }
  // (6) The claimed brand: resolved to a slug beforehand; an unknown one becomes an unregistered Brand
  //     under the slug all its spellings share. The spelling as written is learned for the brand it
  //     resolved to, unless a brand holds it already: a report never takes an alias from a brand.
  CALL (row, r) {
    UNWIND row.brands AS claimed
    MERGE (b:Brand {slug: claimed.slug})
      ON CREATE SET b.name = claimed.name, b.registered = false, b.aliases = [], b.officialNumbers = [],
                    b.officialDomains = []
    MERGE (alias:BrandAlias {key: claimed.key})
    WITH r, b, alias
    CALL (alias, b) {
      WITH * WHERE NOT EXISTS { (alias)-[:ALIAS_OF]->() }
      CREATE (alias)-[:ALIAS_OF]->(b)
    }
    CREATE (r)-[:IMPERSONATES]->(b)
  }
  // (7) Every node this report names, once: report count and first/last seen, right after the write.
  //     Reading the property in SET takes the write lock first, so concurrent batches lose no count.
  CALL (r, at) {
    MATCH (r)-->(n)
    WITH DISTINCT n
    SET n.reportCount = coalesce(n.reportCount, 0) + 1,
        n.firstSeen = CASE WHEN n.firstSeen IS NULL OR at < n.firstSeen THEN at ELSE n.firstSeen END,
        n.lastSeen = CASE WHEN n.lastSeen IS NULL OR at > n.lastSeen THEN at ELSE n.lastSeen END
  }
  // (8) Shared-infrastructure edges the analyst queries read directly, each with its report count and
  //     the distinct-neighbour counts on both ends (connection totals, cross-brand ranking).
  //     Only CALLBACK evidence links a number: a spoofed caller ID never makes two brands look linked.
  CALL (r, at) {
    MATCH (r)-[:CALLBACK_NUMBER]->(p:PhoneNumber), (r)-[:IMPERSONATES]->(b:Brand)
    MERGE (p)-[x:CALLBACK_FOR]->(b)
      ON CREATE SET x.reports = 0, p.brandCount = p.brandCount + 1,
                    b.callbackNumberCount = coalesce(b.callbackNumberCount, 0) + 1
    SET x.reports = x.reports + 1, x.lastSeen = CASE WHEN x.lastSeen > at THEN x.lastSeen ELSE at END
  }
  CALL (r, at) {
    MATCH (r)-[:CALLBACK_NUMBER]->(p:PhoneNumber), (r)-[:NAMES_DOMAIN]->(d:Domain)
    MERGE (p)-[x:CALLBACK_WITH]->(d)
      ON CREATE SET x.reports = 0, p.domainCount = p.domainCount + 1,
                    d.callbackNumberCount = coalesce(d.callbackNumberCount, 0) + 1
    SET x.reports = x.reports + 1, x.lastSeen = CASE WHEN x.lastSeen > at THEN x.lastSeen ELSE at END
  }
  CALL (r, at) {
    MATCH (r)-[:NAMES_DOMAIN]->(d:Domain), (r)-[:IMPERSONATES]->(b:Brand)
    MERGE (d)-[x:DOMAIN_FOR]->(b)
      ON CREATE SET x.reports = 0, d.brandCount = coalesce(d.brandCount, 0) + 1,
                    b.domainCount = coalesce(b.domainCount, 0) + 1
    SET x.reports = x.reports + 1, x.lastSeen = CASE WHEN x.lastSeen > at THEN x.lastSeen ELSE at END
  }
}
RETURN row.index AS index, r.id AS id, isNew
