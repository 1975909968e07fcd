// What checkNumber weighs, for a batch of E.164 numbers: counts per role, brands (CALLBACK evidence only),
// the campaign's size, and the registered brands that list the number as their own.
UNWIND $keys AS key
OPTIONAL MATCH (p:PhoneNumber {e164: key})
OPTIONAL MATCH (p)-[:IN_CAMPAIGN]->(campaign:Campaign)
RETURN key, {
  known: p IS NOT NULL,
  callbackReports: coalesce(p.callbackCount, 0),
  callerIdReports: coalesce(p.callerIdCount, 0),
  senderIdReports: coalesce(p.senderIdCount, 0),
  numberType: p.numberType,
  lastSeen: p.lastSeen,
  brands: [(p)-[:CALLBACK_FOR]->(b:Brand) | b.name],
  campaignSize: campaign.size,
  officialFor: COLLECT { MATCH (b:Brand) WHERE b.registered AND key IN b.officialNumbers RETURN b.name }
} AS node
