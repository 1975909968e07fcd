// Evidence pack for one indicator: the node, its campaign and its newest reports, any role, at most $limit.
// $kind, $key and $qualifier (a wallet's chain, a bank account's scheme) as src/infrastructure/start-node.ts
// gives them. The total is the node's own reportCount, kept on every write, so a capped pack still says
// how many reports there are. A hub belongs to no single campaign.
CALL () {
  MATCH (n:PhoneNumber {e164: $key}) WHERE $kind = 'phone' RETURN n
  UNION MATCH (n:Domain {name: $key}) WHERE $kind = 'domain' RETURN n
  UNION MATCH (n:Url {url: $key}) WHERE $kind = 'url' RETURN n
  UNION MATCH (n:EmailAddress {address: $key}) WHERE $kind = 'email' RETURN n
  UNION MATCH (n:CryptoWallet {chain: $qualifier, address: $key}) WHERE $kind = 'wallet' RETURN n
  UNION MATCH (n:BankAccount {scheme: $qualifier, identifier: $key}) WHERE $kind = 'bank_account' RETURN n
}
RETURN n {.*} AS node,
  [(n)-[m:IN_CAMPAIGN]->(c:Campaign) WHERE m.hub IS NULL | c {.id, .size, .reportCount, .firstSeen, .lastSeen, .status}][0] AS campaign,
  coalesce(n.reportCount, 0) AS reportTotal,
  COLLECT {
    MATCH (n)<--(r:Report)
    WITH DISTINCT r
    ORDER BY r.receivedAt DESC, r.id DESC
    LIMIT $limit
    RETURN r.id
  } AS reportIds
