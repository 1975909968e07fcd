// Pure-Cypher engine, one wave of min-label connected components: only indicators whose label changed
// in the last wave ($wave) push it, through the reports they share, to linking neighbours with a larger
// label. The aggregation finishes before any write, so a wave reads one consistent set of labels.
// Detection repeats waves until one changes nothing.
MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
WHERE i.campaignRun = $runId AND i.campaignWave = $wave
MATCH (i)<-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]-(:Report)
      -[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->(next)
WHERE next.campaignRun = $runId AND next.campaignLabel > i.campaignLabel
WITH next, min(i.campaignLabel) AS label
CALL (next, label) {
  SET next.campaignLabel = label, next.campaignWave = $wave + 1
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(*) AS changed
