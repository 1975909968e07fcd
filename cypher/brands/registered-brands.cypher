// The brand registry's names and aliases, for finding a brand named in a message's text.
MATCH (b:Brand)
WHERE b.registered
RETURN b.slug AS slug, b.name AS name, b.aliases AS aliases
ORDER BY slug
