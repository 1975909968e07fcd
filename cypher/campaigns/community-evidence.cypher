// Detection, after either engine labelled, first of the three reads of the community graph
// (src/campaigns/community-graph.ts): per community, the sum of its members' strengths. One row per
// community, streamed: at a million reports the graph is too large to gather into one row.
MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
WHERE i.campaignRun = $runId
RETURN i.campaignLabel AS label, sum(i.campaignStrength) AS evidence
