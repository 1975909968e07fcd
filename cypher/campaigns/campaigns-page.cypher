// campaigns(minSize, brand): active campaigns, largest first (indicators, then reports); the cursor is
// [size, reportCount, id]. $brand null: any brand. $withBridges: only campaigns tied to another by evidence
// too weak to merge them (bridgeCount, summarise-campaigns), for an analyst to judge.
CALL () {
  MATCH (c:Campaign {status: 'ACTIVE'})
  WHERE c.size >= $minSize AND ($brand IS NULL OR EXISTS { (c)-[:CAMPAIGN_FOR]->(:Brand {slug: $brand}) })
    AND (NOT $withBridges OR c.bridgeCount > 0)
  RETURN count(c) AS totalCount
}
CALL () {
  MATCH (c:Campaign {status: 'ACTIVE'})
  WHERE c.size >= $minSize AND ($brand IS NULL OR EXISTS { (c)-[:CAMPAIGN_FOR]->(:Brand {slug: $brand}) })
    AND (NOT $withBridges OR c.bridgeCount > 0)
    AND ($after IS NULL OR c.size < $after[0]
         OR (c.size = $after[0] AND (c.reportCount < $after[1]
             OR (c.reportCount = $after[1] AND c.id > $after[2]))))
  WITH c ORDER BY c.size DESC, c.reportCount DESC, c.id LIMIT $first + 1
  RETURN collect({node: c {.*}, cursor: [c.size, c.reportCount, c.id]}) AS edges
}
RETURN edges, totalCount
