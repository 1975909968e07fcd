// Detection, the second read of the community graph: per pair of communities (a < b), the weight of
// the links between their members. One row per pair, streamed.
MATCH (a:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)-[link:CAMPAIGN_LINK]->(b)
WHERE a.campaignRun = $runId AND b.campaignRun = $runId AND a.campaignLabel <> b.campaignLabel
WITH CASE WHEN a.campaignLabel < b.campaignLabel THEN [a.campaignLabel, b.campaignLabel] ELSE [b.campaignLabel, a.campaignLabel] END AS pair,
     link.weight AS weight
RETURN pair[0] AS a, pair[1] AS b, sum(weight) AS weight
