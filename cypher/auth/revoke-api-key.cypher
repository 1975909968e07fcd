MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, datetime())
RETURN k {.id, .name, .role, .createdAt, .revokedAt} AS key
