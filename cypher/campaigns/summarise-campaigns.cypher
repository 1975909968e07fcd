// Detection, last: each campaign's figures from its members, and (Campaign)-[:CAMPAIGN_FOR {reports}]->(Brand)
// for the brands its reports claim (campaigns(brand:), Brand.campaigns). Between runs join-campaigns
// keeps them current. Size counts members: hubs are listed with a campaign, not counted. bridgeCount: the
// other campaigns its members have links to (too weak to merge them), for dashboards listing bridged campaigns.
// First and last seen are its reports' own dates (reportedAt): null when no report has one (CryptoScamDB
// gives none), never the day an import received them; min and max skip the undated.
MATCH (c:Campaign)
WHERE c.runId = $runId
CALL (c) {
  CALL (c) {
    MATCH (r:Report)-[:IN_CAMPAIGN]->(c)
    RETURN count(r) AS reports, min(r.reportedAt) AS firstSeen, max(r.reportedAt) AS lastSeen
  }
  SET c.size = COUNT { (i)-[:IN_CAMPAIGN]->(c) WHERE NOT i:Report },
      c.reportCount = reports, c.firstSeen = firstSeen, c.lastSeen = lastSeen,
      c.bridgeCount = COUNT {
        MATCH (c)<-[:IN_CAMPAIGN]-(:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)-[:CAMPAIGN_LINK]-()-[:IN_CAMPAIGN]->(other:Campaign)
        WHERE other <> c
        RETURN DISTINCT other
      }
  WITH c
  OPTIONAL MATCH (c)-[stale:CAMPAIGN_FOR]->()
  DELETE stale
  WITH DISTINCT c
  MATCH (c)<-[:IN_CAMPAIGN]-(:Report)-[:IMPERSONATES]->(b:Brand)
  WITH c, b, count(*) AS reports
  CREATE (c)-[:CAMPAIGN_FOR {reports: reports}]->(b)
} IN TRANSACTIONS OF 1000 ROWS
