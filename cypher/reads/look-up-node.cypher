// One node by its kind and canonical key ($start: kind, key, and qualifier: wallet chain or bank
// scheme), drawn as reads/neighbourhood-expand draws its start: the first step of a summarised
// neighbourhood (src/infrastructure/neighbourhood.service.ts, lookUp).
//   (1) A statement of its own, not neighbourhood-expand with nothing to expand: Neo4j plans a
//       statement again whenever the graph's statistics have moved (after an ingest, a detection),
//       and planning the expansion took 400 to 600 ms on two busy cores, this lookup well under
//       100: it was a third of a hub's search-to-drawn time (docs/performance.md, the explorer).
//   (2) Each kind by its unique constraint; at most one branch matches.
//   (3) Degree counts the evidence relationships only, as the expansion and the summary do.
CALL () {
  MATCH (n:PhoneNumber {e164: $start.key}) WHERE $start.kind = 'phone' RETURN n
  UNION MATCH (n:Domain {name: $start.key}) WHERE $start.kind = 'domain' RETURN n
  UNION MATCH (n:Url {url: $start.key}) WHERE $start.kind = 'url' RETURN n
  UNION MATCH (n:EmailAddress {address: $start.key}) WHERE $start.kind = 'email' RETURN n
  UNION MATCH (n:CryptoWallet {chain: $start.qualifier, address: $start.key}) WHERE $start.kind = 'wallet' RETURN n
  UNION MATCH (n:BankAccount {scheme: $start.qualifier, identifier: $start.key}) WHERE $start.kind = 'bank_account' RETURN n
  UNION MATCH (n:Brand {slug: $start.key}) WHERE $start.kind = 'brand' RETURN n
  UNION MATCH (n:Report {id: $start.key}) WHERE $start.kind = 'report' RETURN n
}
RETURN elementId(n) AS id, labels(n)[0] AS label,
       COUNT { (n)-[:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES|ON_DOMAIN|AT_DOMAIN]-() } AS degree,
       [key IN $drawn WHERE n[key] IS NOT NULL | [key, n[key]]] AS properties
LIMIT 1
