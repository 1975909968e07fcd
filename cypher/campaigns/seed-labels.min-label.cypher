// Pure-Cypher engine, step 1: every linking indicator that shares a report with another one starts
// as its own community; spread-labels then floods the smallest label through each component.
// An indicator linked to nothing gets no label: a singleton is never a campaign.
MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
WHERE i.campaignEvidence = 'link'
  AND EXISTS {
    (i)<-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]-(:Report)
       -[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->(other)
    WHERE other <> i AND other.campaignEvidence = 'link'
  }
CALL (i) {
  SET i.campaignLabel = elementId(i), i.campaignRun = $runId, i.campaignWave = 0
} IN TRANSACTIONS OF 10000 ROWS
