// Detection, after either engine labelled: the community graph, small beside the link graph. Per
// community its evidence (the sum of its members' strengths), and per pair of communities the weight
// of the links between them; src/campaigns/community-merge.ts decides which join.
CALL () {
  MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
  WHERE i.campaignRun = $runId
  WITH i.campaignLabel AS label, sum(i.campaignStrength) AS evidence
  RETURN collect({label: label, evidence: evidence}) AS communities
}
CALL () {
  MATCH (a:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)-[link:CAMPAIGN_LINK]->(b)
  WHERE a.campaignRun = $runId AND b.campaignRun = $runId AND a.campaignLabel <> b.campaignLabel
  WITH CASE WHEN a.campaignLabel < b.campaignLabel THEN [a.campaignLabel, b.campaignLabel] ELSE [b.campaignLabel, a.campaignLabel] END AS pair,
       link.weight AS weight
  WITH pair, sum(weight) AS weight
  RETURN collect({a: pair[0], b: pair[1], weight: weight}) AS ties
}
RETURN communities, ties
