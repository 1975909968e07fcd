// Everything one report names, per role, for the Report type's fields; lists sorted by key in code.
UNWIND $keys AS key
MATCH (r:Report {id: key})
RETURN key, {
  brand: [(r)-[:IMPERSONATES]->(b:Brand) | b {.*}][0],
  callbackNumbers: [(r)-[:CALLBACK_NUMBER]->(p:PhoneNumber) | p {.*}],
  callerIds: [(r)-[:CALLER_ID]->(p:PhoneNumber) | p {.*}],
  senderIds: [(r)-[:SENDER_ID]->(p:PhoneNumber) | p {.*}],
  // Each role with the channel it came through (a field, the text, a tel: or wa.me link).
  phones: [(r)-[rel:CALLBACK_NUMBER|CALLER_ID|SENDER_ID]->(p:PhoneNumber) | {type: type(rel), via: rel.via, number: p {.*}}],
  domains: [(r)-[:NAMES_DOMAIN]->(d:Domain) | d {.*}],
  wallets: [(r)-[:PAY_TO]->(w:CryptoWallet) | w {.*}],
  bankAccounts: [(r)-[:PAY_TO]->(a:BankAccount) | a {.*}]
} AS node
