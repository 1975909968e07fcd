// One hop out from the frontier over evidence relationships (report to indicator, url to domain,
// email to domain); degree counts those only. Hubs are never in the frontier: shown, not expanded.
// Properties: only those a drawn node's id and label are made of (graph-node.ts), not report texts.
UNWIND $frontier AS id
MATCH (n) WHERE elementId(n) = id
MATCH (n)-[rel:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES|ON_DOMAIN|AT_DOMAIN]-(m)
WITH n, rel, m, COUNT { (m)-[:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES|ON_DOMAIN|AT_DOMAIN]-() } AS degree
ORDER BY coalesce(m.reportCount, 0) DESC, elementId(m)
LIMIT $rowLimit
RETURN elementId(startNode(rel)) AS source, elementId(endNode(rel)) AS target, type(rel) AS kind,
       elementId(m) AS id, labels(m)[0] AS label, m {.e164, .name, .url, .address, .chain, .scheme, .identifier, .slug, .id, .channel, .receivedAt} AS properties, degree
