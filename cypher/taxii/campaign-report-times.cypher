// TAXII, a campaign's collection: when each report of its evidence pack (the newest $limit, as
// evidence/campaign-reports picks them) was written. The objects' date_added come from these times,
// to the millisecond (the precision the client passes back in added_after).
MATCH (r:Report)-[:IN_CAMPAIGN]->(:Campaign {id: $id})
WITH r
ORDER BY r.receivedAt DESC, r.id DESC
LIMIT $limit
RETURN r.id AS id, toString(datetime.truncate('millisecond', r.submittedAt)) AS writtenAt
