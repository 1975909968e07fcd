// Detection, after labelling: what src/campaigns/campaign-identity.ts needs to give ids that last.
//   overlaps:    per community, how many members sat in each earlier campaign (campaignId null: none);
//   reports:     per community, how many reports name its members;
//   campaigns:   the active campaigns and their size before this run.
CALL () {
  MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
  WHERE i.campaignRun = $runId
  OPTIONAL MATCH (i)-[:IN_CAMPAIGN]->(c:Campaign)
  WITH i.campaignLabel AS label, c.id AS campaignId, count(*) AS members
  RETURN collect({label: label, campaignId: campaignId, members: members}) AS overlaps
}
CALL () {
  MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
  WHERE i.campaignRun = $runId
  MATCH (i)<-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]-(r:Report)
  WITH i.campaignLabel AS label, count(DISTINCT r) AS reports
  RETURN collect({label: label, reports: reports}) AS reports
}
CALL () {
  MATCH (c:Campaign {status: 'ACTIVE'})
  RETURN collect({id: c.id, size: c.size}) AS campaigns
}
RETURN overlaps, reports, campaigns
