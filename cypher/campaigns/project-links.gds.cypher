// GDS engine, step 1: the link graph in memory (Cypher projection, aggregation form). Two linking
// indicators are linked by the reports naming both; the weight is how many (more shared evidence,
// stronger link). Only pairs are projected, so an indicator linked to nothing is left out.
// No linking pair at all: graph is null and nothing is projected.
MATCH (r:Report)-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->(a)
WHERE a.campaignEvidence = 'link'
MATCH (r)-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->(b)
WHERE b.campaignEvidence = 'link' AND elementId(a) < elementId(b)
WITH a, b, count(r) AS reports
WITH gds.graph.project($graphName, a, b, {relationshipProperties: {weight: toFloat(reports)}},
                       {undirectedRelationshipTypes: ['*']}) AS graph
RETURN graph.nodeCount AS nodeCount, graph.relationshipCount AS relationshipCount
