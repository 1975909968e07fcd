// GDS engine, step 3: weighted Leiden over the core links; its communities are always connected, so
// one never spans two components. $gamma (resolution) is low: the core links already leave bridges
// out, and a higher one cut long-running operations (rotating numbers and sites) into pieces in the
// benchmark (detection-parameters.ts, README "Campaigns"). Streamed and written in batches: GDS cannot
// write the run id beside the label.
CALL gds.leiden.stream($graphName, {relationshipWeightProperty: 'weight', gamma: $gamma, randomSeed: 19, concurrency: 1})
  YIELD nodeId, communityId
WITH gds.util.asNode(nodeId) AS i, communityId
CALL (i, communityId) {
  SET i.campaignLabel = toString(communityId), i.campaignRun = $runId
} IN TRANSACTIONS OF 10000 ROWS
