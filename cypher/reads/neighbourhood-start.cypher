// The node a neighbourhood starts from, by kind and canonical key ($qualifier: wallet chain or bank scheme).
CALL () {
  MATCH (n:PhoneNumber {e164: $key}) WHERE $kind = 'phone' RETURN n
  UNION MATCH (n:Domain {name: $key}) WHERE $kind = 'domain' RETURN n
  UNION MATCH (n:Url {url: $key}) WHERE $kind = 'url' RETURN n
  UNION MATCH (n:EmailAddress {address: $key}) WHERE $kind = 'email' RETURN n
  UNION MATCH (n:CryptoWallet {chain: $qualifier, address: $key}) WHERE $kind = 'wallet' RETURN n
  UNION MATCH (n:BankAccount {scheme: $qualifier, identifier: $key}) WHERE $kind = 'bank_account' RETURN n
  UNION MATCH (n:Brand {slug: $key}) WHERE $kind = 'brand' RETURN n
  UNION MATCH (n:Report {id: $key}) WHERE $kind = 'report' RETURN n
}
RETURN elementId(n) AS id, labels(n)[0] AS label, n {.e164, .name, .url, .address, .chain, .scheme, .identifier, .slug, .id, .channel, .receivedAt} AS properties, COUNT { (n)-[:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES|ON_DOMAIN|AT_DOMAIN]-() } AS degree
