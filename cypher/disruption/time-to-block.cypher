// Hours from an indicator's first report to its first BLOCKED, per party it was escalated to, and their median.
MATCH (n)-[:HAS_DISRUPTION]->(:Disruption)-[:CHANGED]->(c:DisruptionChange {to: 'BLOCKED'})
WITH n, c
ORDER BY c.seq
WITH n, head(collect(c)) AS block
WITH block.escalatedTo AS escalatedTo, duration.inSeconds(n.firstSeen, block.at).seconds / 3600.0 AS hours
RETURN escalatedTo, count(*) AS blocked, percentileCont(hours, 0.5) AS medianHours
ORDER BY escalatedTo
