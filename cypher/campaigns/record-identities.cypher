// Detection: the Campaign nodes a run decided on (src/campaigns/campaign-identity.ts).
//   (1) kept and new campaigns are active and stamped with the run; a new one records its origin;
//   (2) retired ones keep their node, with what became of them and when, so a dashboard can follow
//       a campaign through merges and splits; they lose their brand edges.
//   A bridge mark (join-campaigns) is settled by this run either way.
CALL () {
  UNWIND $campaigns AS row
  MERGE (c:Campaign {id: row.id})
    ON CREATE SET c.createdAt = datetime($at), c.splitFrom = row.splitFrom, c.size = 0, c.reportCount = 0
  SET c.status = 'ACTIVE', c.runId = $runId
  REMOVE c.bridgedAt
}
CALL () {
  UNWIND $retired AS row
  MATCH (c:Campaign {id: row.id})
  SET c.status = row.status, c.mergedInto = row.mergedInto, c.retiredAt = datetime($at)
  REMOVE c.bridgedAt
  WITH c
  OPTIONAL MATCH (c)-[brand:CAMPAIGN_FOR]->()
  DELETE brand
}
FINISH
