// The reports of an evidence pack with everything each one names, by role (the relationship type).
// Only what a pack may show: the reporter's source and externalId stay out of the answer, and so out of every pack;
// attachments by hash, type and size, never their bytes.
UNWIND $ids AS id
MATCH (r:Report {id: id})
RETURN r {.id, .receivedAt, .channel, .scamType, .text, .referenceNumbers, .shortCodes} AS report,
  [(r)-[l:CALLBACK_NUMBER|CALLER_ID|SENDER_ID|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO|IMPERSONATES]->(n)
    | {role: type(l), label: labels(n)[0], node: n {.*}}] AS links,
  [(r)-[:HAS_ATTACHMENT]->(a:Attachment) | a {.sha256, .kind, .mime, .size}] AS attachments
