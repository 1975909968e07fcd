// A report submitted from a review names the files it was read from: one Attachment node per
// SHA-256 (hash, type and size only; the bytes stay in the store), MERGEd so a retried submission
// or a file shared by many reports links once.
MATCH (r:Report {id: $reportId})
UNWIND $attachments AS file
MERGE (a:Attachment {sha256: file.sha256})
  ON CREATE SET a.kind = file.kind, a.mime = file.mime, a.size = file.size
MERGE (r)-[:HAS_ATTACHMENT]->(a)
RETURN count(a) AS linked
