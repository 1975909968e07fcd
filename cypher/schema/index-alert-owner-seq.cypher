// A subscription reads its key's alerts after the last one it saw, in order, through this index.
CREATE RANGE INDEX alert_owner_seq IF NOT EXISTS FOR (a:Alert) ON (a.ownerKeyId, a.seq)
