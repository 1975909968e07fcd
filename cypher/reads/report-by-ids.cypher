UNWIND $keys AS key
MATCH (r:Report {id: key})
RETURN key, r {.id, .externalId, .source, .channel, .scamType, .receivedAt, .reportedAt, .text,
               referenceNumbers: coalesce(r.referenceNumbers, []), shortCodes: coalesce(r.shortCodes, [])} AS node
