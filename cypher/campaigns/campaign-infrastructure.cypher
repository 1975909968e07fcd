// Campaign.brands, phoneNumbers, domains, wallets, bankAccounts in one round trip per request.
// Brands by reports claiming them; indicators: members first, then hubs the campaign uses, by reports.
UNWIND $keys AS key
MATCH (c:Campaign {id: key})
RETURN key, {
  brands: COLLECT {
    MATCH (c)-[x:CAMPAIGN_FOR]->(b:Brand)
    RETURN b {.*} ORDER BY x.reports DESC, b.slug LIMIT $limit
  },
  phoneNumbers: COLLECT {
    MATCH (p:PhoneNumber)-[m:IN_CAMPAIGN|HUB_IN_CAMPAIGN]->(c)
    RETURN p {.*} ORDER BY type(m) = 'HUB_IN_CAMPAIGN', p.reportCount DESC, p.e164 LIMIT $limit
  },
  domains: COLLECT {
    MATCH (d:Domain)-[m:IN_CAMPAIGN|HUB_IN_CAMPAIGN]->(c)
    RETURN d {.*} ORDER BY type(m) = 'HUB_IN_CAMPAIGN', d.reportCount DESC, d.name LIMIT $limit
  },
  wallets: COLLECT {
    MATCH (w:CryptoWallet)-[m:IN_CAMPAIGN|HUB_IN_CAMPAIGN]->(c)
    RETURN w {.*} ORDER BY type(m) = 'HUB_IN_CAMPAIGN', w.reportCount DESC, w.address LIMIT $limit
  },
  bankAccounts: COLLECT {
    MATCH (a:BankAccount)-[m:IN_CAMPAIGN|HUB_IN_CAMPAIGN]->(c)
    RETURN a {.*} ORDER BY type(m) = 'HUB_IN_CAMPAIGN', a.reportCount DESC, a.identifier LIMIT $limit
  }
} AS node
