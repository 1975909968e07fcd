// Evidence pack for one campaign (active or retired): its figures and its newest reports, at most $limit.
MATCH (c:Campaign {id: $id})
RETURN c {.id, .size, .reportCount, .firstSeen, .lastSeen, .status} AS campaign,
  COUNT { (:Report)-[:IN_CAMPAIGN]->(c) } AS reportTotal,
  COLLECT {
    MATCH (r:Report)-[:IN_CAMPAIGN]->(c)
    WITH r
    ORDER BY r.receivedAt DESC, r.id DESC
    LIMIT $limit
    RETURN r.id
  } AS reportIds
