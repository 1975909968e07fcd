// The edges among a summary's drawn nodes ($ids, element ids; the start's own edges come with the
// summary): two nodes named by the same reports, with how many and on how many days, and the roles
// each plays. Walked from the ends in $expand only (the non-hubs: a hub's thousands of reports are
// not walked for one picture), so a link between two hubs is not drawn; each pair comes once.
// A drawn report (withReports) links straight to the drawn indicators it names.
UNWIND $expand AS id
MATCH (a) WHERE elementId(a) = id
CALL (a) {
  MATCH (a)<-[ra:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES]-(r:Report)
        -[rb:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES]->(b)
  WHERE elementId(b) IN $ids AND b <> a AND (elementId(a) < elementId(b) OR NOT elementId(b) IN $expand)
  RETURN b, count(DISTINCT r) AS reports, count(DISTINCT date(r.receivedAt)) AS days,
         collect(DISTINCT type(ra)) AS sourceRoles, collect(DISTINCT type(rb)) AS targetRoles
  UNION
  MATCH (a:Report)-[rb:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES]->(b)
  WHERE elementId(b) IN $ids
  RETURN b, 1 AS reports, 1 AS days, collect(DISTINCT type(rb)) AS sourceRoles, collect(DISTINCT type(rb)) AS targetRoles
}
RETURN elementId(a) AS source, elementId(b) AS target, reports, days, sourceRoles, targetRoles
