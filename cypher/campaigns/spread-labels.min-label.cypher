// Pure-Cypher engine, one wave of min-label components over the *core* links: links backed by at least
// $coreReports reports, weighing at least $coreWeight (a faded, recycled link does not) and at least
// $coreShare of the evidence of the end with less and $coreShareOfBusier of the other's (two bridge
// reports naming a quiet operation's site beside a busy one's short link are a fair share of the link,
// never of the site), between two indicators each named more than once.
// A bridge report is one report: its links are not core, a bridge repeated between two busy indicators
// is a small share of both, and the leaves it names join no core, so the operations on either side
// stay apart; merge-communities places
// leaves and settles thin ties after. Only indicators whose label changed in the last wave ($wave) push
// it; the aggregation finishes before any write, so a wave reads one consistent set of labels.
// Detection repeats waves until one changes nothing.
MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
WHERE i.campaignRun = $runId AND i.campaignWave = $wave AND i.campaignReports > 1
MATCH (i)-[link:CAMPAIGN_LINK]-(next)
WHERE next.campaignLabel > i.campaignLabel AND next.campaignReports > 1
  AND link.reports >= $coreReports AND link.weight >= $coreWeight
  AND link.weight >= $coreShare * CASE WHEN i.campaignStrength < next.campaignStrength THEN i.campaignStrength ELSE next.campaignStrength END
  AND link.weight >= $coreShareOfBusier * CASE WHEN i.campaignStrength < next.campaignStrength THEN next.campaignStrength ELSE i.campaignStrength END
WITH next, min(i.campaignLabel) AS label
CALL (next, label) {
  SET next.campaignLabel = label, next.campaignWave = $wave + 1
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(*) AS changed
