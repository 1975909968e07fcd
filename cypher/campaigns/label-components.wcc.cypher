// GDS engine, step 2: weakly connected components of the projected link graph, as labels on the
// indicators (streamed and written in batches: GDS cannot write the run id beside the label).
CALL gds.wcc.stream($graphName) YIELD nodeId, componentId
WITH gds.util.asNode(nodeId) AS i, componentId
CALL (i, componentId) {
  SET i.campaignLabel = toString(componentId), i.campaignRun = $runId
} IN TRANSACTIONS OF 10000 ROWS
