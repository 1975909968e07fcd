// Detection, after classify: when each linking indicator came back from a long silence. Carriers
// reassign numbers and domains get re-registered, so an indicator no report named for $silenceDays
// days and then named again may now serve another operation. campaignSince is the first report after
// its last such silence (null: never silent that long); weigh-links fades the links made before it.
MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
WHERE i.campaignEvidence = 'link' OR i.campaignSince IS NOT NULL
CALL (i) {
  OPTIONAL MATCH (i)<-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]-(r:Report)
  WITH r.receivedAt AS at ORDER BY at
  WITH collect(at) AS times
  RETURN [k IN range(1, size(times) - 1)
          WHERE duration.inSeconds(times[k - 1], times[k]).seconds >= $silenceDays * 86400 | times[k]][-1] AS since
}
WITH i, CASE WHEN i.campaignEvidence = 'link' THEN since END AS since
WHERE since IS NOT NULL OR i.campaignSince IS NOT NULL
CALL (i, since) {
  SET i.campaignSince = since
} IN TRANSACTIONS OF 10000 ROWS
