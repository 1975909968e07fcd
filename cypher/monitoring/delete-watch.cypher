// Ends a watch of this key: its alerts stay (a subscription's history, the delivery log) but are never
// delivered again. No row: no such watch for this key.
MATCH (w:Watch {id: $id, ownerKeyId: $owner})
OPTIONAL MATCH (w)<-[:OF_WATCH]-(a:Alert) WHERE a.delivery IN ['PENDING', 'RETRYING']
SET a.delivery = 'CANCELLED'
WITH DISTINCT w
DETACH DELETE w
RETURN $id AS id
