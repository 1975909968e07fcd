// The model's floor: the Report nodes of a batch alone, merged on (source, externalId) as ingest does,
// with none of their indicators. No ingest statement can write reports faster than this.
UNWIND $reports AS row
MERGE (r:Report {source: row.source, externalId: row.externalId})
  ON CREATE SET r.id = row.id, r.receivedAt = datetime(row.receivedAt), r.submittedAt = datetime(), r.channel = row.channel,
                r.scamType = row.scamType, r.text = row.text, r.template = row.template, r.defaultRegion = row.defaultRegion,
                r.referenceNumbers = row.referenceNumbers, r.shortCodes = row.shortCodes
RETURN count(r) AS written
