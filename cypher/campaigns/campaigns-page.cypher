// campaigns(minSize, brand): active campaigns, largest first (indicators, then reports); the cursor is
// [size, reportCount, id]. $brand null: any brand.
CALL () {
  MATCH (c:Campaign {status: 'ACTIVE'})
  WHERE c.size >= $minSize AND ($brand IS NULL OR EXISTS { (c)-[:CAMPAIGN_FOR]->(:Brand {slug: $brand}) })
  RETURN count(c) AS totalCount
}
CALL () {
  MATCH (c:Campaign {status: 'ACTIVE'})
  WHERE c.size >= $minSize AND ($brand IS NULL OR EXISTS { (c)-[:CAMPAIGN_FOR]->(:Brand {slug: $brand}) })
    AND ($after IS NULL OR c.size < $after[0]
         OR (c.size = $after[0] AND (c.reportCount < $after[1]
             OR (c.reportCount = $after[1] AND c.id > $after[2]))))
  WITH c ORDER BY c.size DESC, c.reportCount DESC, c.id LIMIT $first + 1
  RETURN collect({node: c {.*}, cursor: [c.size, c.reportCount, c.id]}) AS edges
}
RETURN edges, totalCount
