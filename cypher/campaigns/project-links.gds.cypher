// GDS engine, step 2 (after seed-labels gave every linked indicator a label of its own): the core links
// in memory, undirected and weighted, as the pure-Cypher engine defines them (spread-labels): at least
// $coreReports reports, $coreWeight, $coreShare of the smaller end's evidence and $coreShareOfBusier of
// the busier end's, between two indicators
// each named more than once. Leaves and
// bridge links stay out; merge-communities places them. No core link: graph is null, nothing projected.
MATCH (a)-[link:CAMPAIGN_LINK]->(b)
WHERE link.reports >= $coreReports AND link.weight >= $coreWeight AND a.campaignReports > 1 AND b.campaignReports > 1
  AND link.weight >= $coreShare * CASE WHEN a.campaignStrength < b.campaignStrength THEN a.campaignStrength ELSE b.campaignStrength END
  AND link.weight >= $coreShareOfBusier * CASE WHEN a.campaignStrength < b.campaignStrength THEN b.campaignStrength ELSE a.campaignStrength END
WITH gds.graph.project($graphName, a, b, {relationshipProperties: {weight: link.weight}},
                       {undirectedRelationshipTypes: ['*']}) AS graph
RETURN graph.nodeCount AS nodeCount, graph.relationshipCount AS relationshipCount
