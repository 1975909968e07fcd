// Whether a first start must create an admin key.
MATCH (k:ApiKey {role: 'ADMIN'})
WHERE k.revokedAt IS NULL
RETURN count(k) AS admins
