// PhoneNumber.reports: one page per number, newest first, any role; the cursor is [receivedAt, id].
// $limit is the largest page of the batch plus one (LIMIT takes no row variable); code cuts each page.
// $properties: the reports' properties the query selects, each node then their values in that order; null: all.
UNWIND $pages AS page
MATCH (p:PhoneNumber {e164: page.key})
CALL (p, page) {
  MATCH (p)<-[:CALLBACK_NUMBER|CALLER_ID|SENDER_ID]-(r:Report)
  WITH DISTINCT r
  WHERE page.after IS NULL OR r.receivedAt < datetime(page.after[0])
     OR (r.receivedAt = datetime(page.after[0]) AND r.id < page.after[1])
  WITH r ORDER BY r.receivedAt DESC, r.id DESC LIMIT $limit
  RETURN collect({node: CASE WHEN $properties IS NULL THEN r {.*} ELSE [key IN $properties | r[key]] END, cursor: [toString(r.receivedAt), r.id]}) AS edges
}
RETURN page.id AS id, edges, p.reportCount AS totalCount
