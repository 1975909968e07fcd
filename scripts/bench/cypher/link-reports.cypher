// Quality diagnosis: the reports behind one link (both ends named by them), to tell bridges from shared infrastructure.
MATCH (a)<-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]-(r:Report)-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->(b)
WHERE elementId(a) = $a AND elementId(b) = $b
RETURN r.externalId AS externalId, toString(r.receivedAt) AS receivedAt
