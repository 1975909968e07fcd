// An attachment is stored once by its SHA-256 (src/attachments/attachment-store.ts); the graph holds
// one node per file however many reports carry it.
CREATE CONSTRAINT attachment_sha256 IF NOT EXISTS FOR (a:Attachment) REQUIRE a.sha256 IS UNIQUE
