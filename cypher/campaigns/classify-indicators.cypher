// Detection, step 1: what each indicator may do in campaign detection, kept on it as campaignEvidence.
//   (1) 'official': a brand's own number or domain, or a url or address on that domain: never a member,
//       so a spoofed or misquoted official channel never looks like scam infrastructure;
//   (2) 'hub': a shortener, platform or free-mail domain, or named by more than $hubDegree reports:
//       listed in every campaign whose reports use it, but linking none of them;
//   (3) 'link': everything else named as callback number, url, domain, email or payment destination.
//   Caller IDs and sender IDs are not linking roles (spoofable): a number seen only so gets null.
// Degree counts linking relationships only, from the degree store. Only changed values are written.
MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
WITH i, COUNT { (i)<-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]-() } AS degree
WITH i, CASE
    WHEN degree = 0 THEN null
    WHEN i.e164 IN $officialNumbers OR i.name IN $officialDomains
      OR EXISTS { (i)-[:ON_DOMAIN|AT_DOMAIN]->(d:Domain) WHERE d.name IN $officialDomains } THEN 'official'
    WHEN i.isShortener OR i.isPlatform OR i.isFreeMail OR degree > $hubDegree THEN 'hub'
    ELSE 'link'
  END AS evidence
WHERE coalesce(i.campaignEvidence, '') <> coalesce(evidence, '')
CALL (i, evidence) {
  SET i.campaignEvidence = evidence
} IN TRANSACTIONS OF 10000 ROWS
