// GDS engine, step 3: a component above $splitSize indicators is more likely several operations
// joined by stray evidence than one; Leiden (weighted, communities always connected) splits it.
// Leiden runs on the whole projection, only its communities inside large components are used:
// a community never spans components, and the component label kept as prefix keeps labels unique.
CALL () {
  MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
  WHERE i.campaignRun = $runId
  WITH i.campaignLabel AS label, count(*) AS size
  WHERE size > $splitSize
  RETURN collect(label) AS large
}
WITH large WHERE size(large) > 0
CALL gds.leiden.stream($graphName, {relationshipWeightProperty: 'weight', randomSeed: 19})
  YIELD nodeId, communityId
WITH gds.util.asNode(nodeId) AS i, communityId, large
WHERE i.campaignLabel IN large
CALL (i, communityId) {
  SET i.campaignLabel = i.campaignLabel + '/' + toString(communityId)
} IN TRANSACTIONS OF 10000 ROWS
