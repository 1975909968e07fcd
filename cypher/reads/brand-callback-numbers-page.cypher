// Brand.callbackNumbers: one page per brand, most reports first; the cursor is [reports, e164].
// The brand comes too: brand(slug) asks for it and its page in one round trip.
// $limit is the largest page of the batch plus one (LIMIT takes no row variable); code cuts each page.
// $properties: the numbers' properties the query selects, each node then their values in that order; null: all.
UNWIND $pages AS page
MATCH (b:Brand {slug: page.key})
CALL (b, page) {
  MATCH (b)<-[x:CALLBACK_FOR]-(p:PhoneNumber)
  WHERE page.after IS NULL OR x.reports < page.after[0] OR (x.reports = page.after[0] AND p.e164 > page.after[1])
  WITH x, p ORDER BY x.reports DESC, p.e164 LIMIT $limit
  RETURN collect({node: CASE WHEN $properties IS NULL THEN p {.*} ELSE [key IN $properties | p[key]] END, cursor: [x.reports, p.e164]}) AS edges
}
RETURN page.id AS id, edges, coalesce(b.callbackNumberCount, 0) AS totalCount, b {.*} AS parent
