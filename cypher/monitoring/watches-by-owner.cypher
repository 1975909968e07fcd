// A key's own watches, oldest first; keys never see each other's.
MATCH (w:Watch {ownerKeyId: $owner})
WHERE $ids IS NULL OR w.id IN $ids
RETURN w {.id, .kind, .target, .indicatorKind, .webhookUrl, .createdAt,
          alertCount: COUNT { (w)<-[:OF_WATCH]-(:Alert) }} AS watch
ORDER BY w.createdAt, w.id
