// One change of an indicator's disruption status, checked and written in one transaction.
// $allowedFrom: the statuses that may move to $status (src/disruption/transitions.ts). No row: no such
// indicator. A row with changedFrom null: the move was refused from `status`, and nothing was written.
CALL () {
  MATCH (n:PhoneNumber {e164: $key}) WHERE $kind = 'phone' RETURN n
  UNION MATCH (n:Domain {name: $key}) WHERE $kind = 'domain' RETURN n
  UNION MATCH (n:Url {url: $key}) WHERE $kind = 'url' RETURN n
  UNION MATCH (n:EmailAddress {address: $key}) WHERE $kind = 'email' RETURN n
  UNION MATCH (n:CryptoWallet {chain: $qualifier, address: $key}) WHERE $kind = 'wallet' RETURN n
  UNION MATCH (n:BankAccount {scheme: $qualifier, identifier: $key}) WHERE $kind = 'bank_account' RETURN n
}
OPTIONAL MATCH (n)-[:HAS_DISRUPTION]->(seen:Disruption)
WITH n, coalesce(seen.status, 'NEW') AS status
OPTIONAL CALL (n, status) {
  // (1) A refused move writes nothing, not even the Disruption node of an indicator still implicitly NEW.
  WITH n WHERE status IN $allowedFrom
  MERGE (d:Disruption {key: $disruptionKey})
    ON CREATE SET d.status = 'NEW', d.version = 0
  MERGE (n)-[:HAS_DISRUPTION]->(d)
  // (2) Bumping the version takes the node's write lock before the status is read again, so two
  //     concurrent changes run one after the other and the second is checked against the first.
  SET d.version = d.version + 1
  WITH d, d.status AS from
  WHERE from IN $allowedFrom
  CREATE (d)-[:CHANGED]->(c:DisruptionChange {
    seq: d.version, from: from, to: $status, actor: $actor, at: datetime(), note: $note,
    escalatedTo: CASE WHEN $status = 'ESCALATED' THEN $escalatedTo ELSE d.escalatedTo END,
    reference: CASE WHEN $status = 'ESCALATED' THEN $reference ELSE coalesce($reference, d.reference) END
  })
  // (3) The party and its reference stay on the disruption after escalation: a block is credited to them.
  SET d.status = $status, d.updatedAt = c.at, d.escalatedTo = c.escalatedTo, d.reference = c.reference
  RETURN from AS changedFrom
}
RETURN status, changedFrom
