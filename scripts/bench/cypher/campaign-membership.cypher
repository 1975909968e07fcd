// Each indicator's campaign after a detection run, keyed as the ground-truth file keys it.
MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)-[:IN_CAMPAIGN]->(c:Campaign)
RETURN CASE
         WHEN i:PhoneNumber THEN 'phone:' + i.e164
         WHEN i:Url THEN 'url:' + i.url
         WHEN i:Domain THEN 'domain:' + i.name
         WHEN i:EmailAddress THEN 'email:' + i.address
         WHEN i:CryptoWallet THEN 'wallet:' + i.chain + ':' + i.address
         ELSE 'bankAccount:' + i.scheme + ':' + i.identifier
       END AS indicator,
       c.id AS campaign, elementId(i) AS node
