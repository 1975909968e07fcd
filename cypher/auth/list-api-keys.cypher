MATCH (k:ApiKey)
RETURN k {.id, .name, .role, .createdAt, .revokedAt} AS key
ORDER BY k.createdAt
