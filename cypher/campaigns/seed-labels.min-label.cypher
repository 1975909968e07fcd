// Pure-Cypher engine, step 1: every indicator with a link starts as its own community; spread-labels
// then floods the smallest label through each core. An indicator linked to nothing gets no label:
// a singleton is never a campaign.
MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
WHERE i.campaignStrength > 0
CALL (i) {
  SET i.campaignLabel = elementId(i), i.campaignRun = $runId, i.campaignWave = 0
} IN TRANSACTIONS OF 10000 ROWS
