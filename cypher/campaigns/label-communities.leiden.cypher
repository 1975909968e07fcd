// GDS engine, step 3: weighted Leiden over the core links; its communities are always connected, so
// one never spans two components. $gamma (resolution) is low: the core links already leave bridges
// out, and a higher one cut long-running operations (rotating numbers and sites) into pieces in the
// benchmark (detection-parameters.ts, README "Campaigns"). Streamed and written in batches, as a string
// (labels are map keys downstream; gds.leiden.write writes integers). Only the label: seed-labels already
// stamped every projected indicator with the run (a projected one has reports, so links and strength).
CALL gds.leiden.stream($graphName, {relationshipWeightProperty: 'weight', gamma: $gamma, randomSeed: 19, concurrency: 1})
  YIELD nodeId, communityId
WITH gds.util.asNode(nodeId) AS i, communityId
CALL (i, communityId) {
  SET i.campaignLabel = toString(communityId)
} IN TRANSACTIONS OF 10000 ROWS
