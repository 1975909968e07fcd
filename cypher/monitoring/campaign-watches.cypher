// The watches on campaigns a detection run retired as MERGED or SPLIT ($fates: {id, event, campaignIds}),
// read in the transaction that records the run's identities (campaigns/record-identities), before
// write-alerts writes their alerts there: the record and its alerts commit together.
// No watch in the graph, the usual case: the count store says so and nothing else is read, so detection
// costs what it did without monitoring.
CALL () {
  MATCH (w:Watch)
  RETURN count(w) > 0 AS watched
}
WITH watched WHERE watched
UNWIND $fates AS fate
MATCH (:Campaign {id: fate.id})<-[:WATCHES]-(w:Watch {kind: 'CAMPAIGN'})
RETURN w.id AS watchId, fate.id AS campaignId, fate.event AS event, fate.campaignIds AS campaignIds
ORDER BY watchId
