// Detection, after weigh-links: what each indicator's links are judged by.
//   campaignReports: reports naming it in a linking role. An indicator named once (a per-victim link,
//     a number in one message) cannot tell which side of a bridge report it is on: it joins no core
//     and is placed afterwards with the community it is tied to most (merge-communities);
//   campaignStrength: the sum of its links' weights (null: no links), a community's evidence.
MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
WHERE i.campaignEvidence = 'link' OR i.campaignStrength IS NOT NULL
CALL (i) {
  OPTIONAL MATCH (i)-[link:CAMPAIGN_LINK]-()
  WITH i, sum(link.weight) AS strength
  SET i.campaignStrength = CASE WHEN strength > 0 THEN strength END,
      i.campaignReports = CASE WHEN strength > 0 THEN COUNT { (i)<-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]-() } END
} IN TRANSACTIONS OF 10000 ROWS
