// Detection: indicator membership, written only where it changed. A linking indicator of a community
// with an id ($campaignIds, by label) is IN_CAMPAIGN of that campaign; any other (a singleton now, a hub,
// an official channel, or in a community too small to be a campaign) leaves its campaign.
MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
WHERE i.campaignRun = $runId OR EXISTS { (i)-[:IN_CAMPAIGN]->() }
WITH i, CASE WHEN i.campaignRun = $runId THEN $campaignIds[i.campaignLabel] END AS id
CALL (i, id) {
  OPTIONAL MATCH (i)-[stale:IN_CAMPAIGN]->(old:Campaign)
  WHERE id IS NULL OR old.id <> id
  DELETE stale
  WITH DISTINCT i, id
  MATCH (c:Campaign {id: id})
  WHERE NOT EXISTS { (i)-[:IN_CAMPAIGN]->(c) }
  CREATE (i)-[:IN_CAMPAIGN]->(c)
} IN TRANSACTIONS OF 10000 ROWS
