// Dashboard counts per campaign, from its reports: by scam type and channel (most first) and by week
// (the Monday it starts, oldest first). Counted when asked, so joins at ingest show at once.
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
  WITH date.truncate('week', r.receivedAt) AS week, count(*) AS reports
  ORDER BY week
  RETURN collect({week: week, reports: reports}) AS weeks
}
RETURN key, {scamTypes: scamTypes, channels: channels, weeks: weeks} AS node
