// Ends a run's hold on the detection lock (only the holder's own) and records when a run last finished.
MATCH (lock:DetectionLock {name: 'campaigns'})
WHERE lock.holder = $holder
SET lock.holder = null, lock.expiresAt = null, lock.finishedAt = datetime()
RETURN lock.finishedAt AS finishedAt
