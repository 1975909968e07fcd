// The invocations start-query-collection's collector saw planned: when each started (ms since the epoch, the
// bench's clock on the same machine) and how long planning took, by the statement's first line.
CALL db.stats.retrieve('QUERIES') YIELD data
UNWIND data.invocations AS invocation
WITH data, invocation
WHERE invocation.elapsedCompileTimeInUs > 0
RETURN split(data.query, '\n')[0] AS statement, toFloat(invocation.startTimestampMillis) AS at,
       toFloat(invocation.elapsedCompileTimeInUs) / 1000 AS compileMs
