// Campaign quality's reachable truth: each report naming two or more linking indicators, with them keyed
// as the ground-truth file keys them (campaign-membership.cypher). Only the roles that link indicators
// in detection count: a caller ID or sender ID ties nothing.
MATCH (r:Report)-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->(i)
WITH r,
     collect(DISTINCT CASE
       WHEN i:PhoneNumber THEN 'phone:' + i.e164
       WHEN i:Url THEN 'url:' + i.url
       WHEN i:Domain THEN 'domain:' + i.name
       WHEN i:EmailAddress THEN 'email:' + i.address
       WHEN i:CryptoWallet THEN 'wallet:' + i.chain + ':' + i.address
       ELSE 'bankAccount:' + i.scheme + ':' + i.identifier
     END) AS indicators
WHERE size(indicators) > 1
RETURN indicators
