// The brand registry: names and aliases (brands named in message text) and official domains (lookalikes).
MATCH (b:Brand)
WHERE b.registered
RETURN b.slug AS slug, b.name AS name, b.aliases AS aliases, b.officialDomains AS officialDomains
ORDER BY slug
