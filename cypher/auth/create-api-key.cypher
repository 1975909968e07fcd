// Only the hash of the key is stored; the key itself is shown once, to its creator.
CREATE (k:ApiKey {id: $id, hash: $hash, name: $name, role: $role, createdAt: datetime()})
RETURN k {.id, .name, .role, .createdAt} AS key
