// crossBrandNumbers: callback numbers by brands impersonated, then callback reports; cursor [brands, reports, e164].
// The total is counted in the brandCount index, never over the edges behind it.
// $properties: the numbers' properties the query selects, each node then their values in that order; null: all.
CALL () {
  MATCH (p:PhoneNumber) WHERE p.brandCount >= $minBrands
  RETURN count(p) AS totalCount
}
CALL () {
  MATCH (p:PhoneNumber)
  WHERE p.brandCount >= $minBrands
    AND ($after IS NULL OR p.brandCount < $after[0]
         OR (p.brandCount = $after[0] AND (p.callbackCount < $after[1]
             OR (p.callbackCount = $after[1] AND p.e164 > $after[2]))))
  WITH p ORDER BY p.brandCount DESC, p.callbackCount DESC, p.e164 LIMIT $first + 1
  RETURN collect({node: CASE WHEN $properties IS NULL THEN p {.*} ELSE [key IN $properties | p[key]] END, cursor: [p.brandCount, p.callbackCount, p.e164]}) AS edges
}
RETURN edges, totalCount
