// Claimed brands as written ("CommBank", "commonwealth bank") to Brand slugs, by alias key.
UNWIND $keys AS key
MATCH (:BrandAlias {key: key})-[:ALIAS_OF]->(brand:Brand)
RETURN key, brand.slug AS slug
