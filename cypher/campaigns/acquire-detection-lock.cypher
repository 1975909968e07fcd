// One detection at a time across every API process. The SET comes first: it takes the lock node's
// write lock, so a second process waits for the first to commit and then reads who holds it.
// Free: nobody holds it, its holder asks again (a refresh between steps), or the holder's lease ran
// out (a process that died mid-run). $minIdleSeconds (scheduled runs; null on demand) also requires
// that no run finished that recently, so several processes on one schedule run it once.
MERGE (lock:DetectionLock {name: 'campaigns'})
SET lock.checkedAt = datetime()
WITH lock, (lock.holder IS NULL OR lock.holder = $holder OR lock.expiresAt < datetime())
  AND ($minIdleSeconds IS NULL OR lock.finishedAt IS NULL
       OR lock.finishedAt < datetime() - duration({seconds: $minIdleSeconds})) AS acquired
CALL (lock, acquired) {
  WITH lock WHERE acquired
  SET lock.holder = $holder, lock.expiresAt = datetime() + duration({seconds: $leaseSeconds})
}
RETURN acquired, lock.holder AS holder
