// Detection, after assign-reports: a hub links nothing and belongs to no campaign, but is listed with
// every campaign whose reports name it, (hub)-[:HUB_IN_CAMPAIGN {reports}]->(campaign): a shortener shows
// up in each operation's infrastructure without gluing the operations together. Rebuilt each run.
MATCH (h:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
WHERE h.campaignEvidence = 'hub' OR EXISTS { (h)-[:HUB_IN_CAMPAIGN]->() }
CALL (h) {
  OPTIONAL MATCH (h)-[stale:HUB_IN_CAMPAIGN]->()
  DELETE stale
  WITH DISTINCT h
  WHERE h.campaignEvidence = 'hub'
  MATCH (h)<-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]-(:Report)-[:IN_CAMPAIGN]->(c:Campaign)
  WITH h, c, count(*) AS reports
  CREATE (h)-[:HUB_IN_CAMPAIGN {reports: reports}]->(c)
} IN TRANSACTIONS OF 1000 ROWS
