// TAXII: the active campaigns, one collection each, with the figures a collection's description gives.
// Retired campaigns have no collection: what they held moved to the campaigns they became.
MATCH (c:Campaign {status: 'ACTIVE'})
RETURN c.id AS id, coalesce(c.size, 0) AS size, coalesce(c.reportCount, 0) AS reportCount
ORDER BY c.id
