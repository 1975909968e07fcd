// The campaign of each indicator (PhoneNumber, Domain, CryptoWallet, BankAccount .campaign), by kind and
// key (key.qualifier: the wallet chain or bank scheme). A hub belongs to none.
UNWIND $keys AS key
CALL (key) {
  MATCH (n:PhoneNumber {e164: key.key}) WHERE key.kind = 'phone' RETURN n
  UNION MATCH (n:Domain {name: key.key}) WHERE key.kind = 'domain' RETURN n
  UNION MATCH (n:CryptoWallet {chain: key.qualifier, address: key.key}) WHERE key.kind = 'wallet' RETURN n
  UNION MATCH (n:BankAccount {scheme: key.qualifier, identifier: key.key}) WHERE key.kind = 'bank_account' RETURN n
}
MATCH (n)-[:IN_CAMPAIGN]->(c:Campaign)
RETURN key.id AS key, c {.*} AS node
