// One watch for one owning key, on a target that exists (a brand by slug, a campaign by id, an indicator by
// its canonical key) or a number prefix. No row: the target does not exist. `refused`: the key holds $max
// watches already; nothing written. The key's AlertStream is made here so ingest only ever MATCHes it.
OPTIONAL CALL () {
  MATCH (t:Brand {slug: $key}) WHERE $kind = 'BRAND' RETURN t
  UNION MATCH (t:Campaign {id: $key}) WHERE $kind = 'CAMPAIGN' RETURN t
  UNION MATCH (t:PhoneNumber {e164: $key}) WHERE $kind = 'INDICATOR' AND $indicatorKind = 'phone' RETURN t
  UNION MATCH (t:Domain {name: $key}) WHERE $kind = 'INDICATOR' AND $indicatorKind = 'domain' RETURN t
  UNION MATCH (t:Url {url: $key}) WHERE $kind = 'INDICATOR' AND $indicatorKind = 'url' RETURN t
  UNION MATCH (t:EmailAddress {address: $key}) WHERE $kind = 'INDICATOR' AND $indicatorKind = 'email' RETURN t
  UNION MATCH (t:CryptoWallet {chain: $qualifier, address: $key}) WHERE $kind = 'INDICATOR' AND $indicatorKind = 'wallet' RETURN t
  UNION MATCH (t:BankAccount {scheme: $qualifier, identifier: $key}) WHERE $kind = 'INDICATOR' AND $indicatorKind = 'bank_account' RETURN t
}
WITH t WHERE t IS NOT NULL OR $kind = 'PREFIX'
// (1) The stream's lock also serialises one key's watch creations, so two at once cannot pass $max together.
MERGE (s:AlertStream {keyId: $owner})
  ON CREATE SET s.seq = 0
SET s.watchLock = true
REMOVE s.watchLock
WITH s, t, COUNT { (w:Watch {ownerKeyId: $owner}) } AS held
CALL (s, t, held) {
  WITH * WHERE held < $max
  CREATE (w:Watch {id: $id, ownerKeyId: $owner, kind: $kind, target: $target, indicatorKind: $indicatorKind,
                   prefix: CASE WHEN $kind = 'PREFIX' THEN $key END, createdAt: datetime(),
                   webhookUrl: $webhookUrl, webhookSecret: $webhookSecret})
  FOREACH (target IN CASE WHEN t IS NULL THEN [] ELSE [t] END | CREATE (w)-[:WATCHES]->(target))
  RETURN w
  UNION
  WITH * WHERE held >= $max
  RETURN null AS w
}
RETURN w {.id, .kind, .target, .indicatorKind, .webhookUrl, .createdAt} AS watch, held >= $max AS refused
