// PhoneNumber.disruption, Domain.disruption and the answer of setDisruptionStatus: status and whole history
// per disruption key ("phone:+61412345678"). No row for an indicator nobody has reviewed: it is NEW.
UNWIND $keys AS key
MATCH (d:Disruption {key: key})
RETURN key, d {
  .status, .escalatedTo, .reference, .updatedAt,
  history: COLLECT { MATCH (d)-[:CHANGED]->(c:DisruptionChange) RETURN c {.*} ORDER BY c.seq }
} AS node
