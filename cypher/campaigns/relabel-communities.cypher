// Detection, after community-merge.ts: communities it joined take one label ($labels: old label to new,
// only the ones that change), so every later step sees the final communities.
MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
WHERE i.campaignRun = $runId AND $labels[i.campaignLabel] IS NOT NULL
CALL (i) {
  SET i.campaignLabel = $labels[i.campaignLabel]
} IN TRANSACTIONS OF 10000 ROWS
