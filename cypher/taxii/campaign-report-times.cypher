// TAXII, a campaign's collection: when each report of its evidence pack (the newest $limit, as
// evidence/campaign-reports picks them) was added to the campaign: when it was written, or when a
// detection run placed it there (the membership's `since`, cypher/campaigns/assign-reports.cypher),
// whichever is later. The objects' date_added come from these times, to the millisecond (the
// precision the client passes back in added_after).
MATCH (r:Report)-[member:IN_CAMPAIGN]->(:Campaign {id: $id})
WITH r, member
ORDER BY r.receivedAt DESC, r.id DESC
LIMIT $limit
WITH r, CASE WHEN member.since > r.submittedAt THEN member.since ELSE r.submittedAt END AS added
RETURN r.id AS id, toString(datetime.truncate('millisecond', added)) AS writtenAt
