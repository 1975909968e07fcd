// Quality diagnosis: each labelled indicator's community and evidence, keyed as the ground-truth file keys it.
MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
WHERE i.campaignRun = $runId
RETURN CASE
         WHEN i:PhoneNumber THEN 'phone:' + i.e164
         WHEN i:Url THEN 'url:' + i.url
         WHEN i:Domain THEN 'domain:' + i.name
         WHEN i:EmailAddress THEN 'email:' + i.address
         WHEN i:CryptoWallet THEN 'wallet:' + i.chain + ':' + i.address
         ELSE 'bankAccount:' + i.scheme + ':' + i.identifier
       END AS indicator,
       i.campaignLabel AS label, i.campaignStrength AS strength
