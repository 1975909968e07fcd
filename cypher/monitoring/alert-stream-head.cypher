// The number of a key's latest alert: a subscription with no `after` starts from here (only new alerts).
OPTIONAL MATCH (s:AlertStream {keyId: $owner})
RETURN coalesce(s.seq, 0) AS seq
