// Dashboard counts per campaign, from its reports: by scam type and channel (most first) and by week
// (the Monday it starts, oldest first) of the reports' own dates; reports whose source gave no date
// (CryptoScamDB) are in no week but counted apart (undated), so a timeline can say so. Counted when asked,
// so joins at ingest show at once.
UNWIND $keys AS key
MATCH (c:Campaign {id: key})
CALL (c) {
  MATCH (r:Report)-[:IN_CAMPAIGN]->(c)
  WITH r.scamType AS scamType, count(*) AS reports
  ORDER BY reports DESC, scamType
  RETURN collect({scamType: scamType, reports: reports}) AS scamTypes
}
CALL (c) {
  MATCH (r:Report)-[:IN_CAMPAIGN]->(c)
  WITH r.channel AS channel, count(*) AS reports
  ORDER BY reports DESC, channel
  RETURN collect({channel: channel, reports: reports}) AS channels
}
CALL (c) {
  MATCH (r:Report)-[:IN_CAMPAIGN]->(c)
  // date.truncate refuses a null date, so the undated take the CASE's null week.
  WITH CASE WHEN r.reportedAt IS NOT NULL THEN date.truncate('week', r.reportedAt) END AS week, count(*) AS reports
  ORDER BY week
  RETURN [each IN collect({week: week, reports: reports}) WHERE each.week IS NOT NULL] AS weeks,
         sum(CASE WHEN week IS NULL THEN reports ELSE 0 END) AS undated
}
RETURN key, {scamTypes: scamTypes, channels: channels, weeks: weeks, undated: undated} AS node
