// The STIX indicator ids of numbers and domains made before ingest wrote them (data/indicators-without-stix-id
// found them; src/evidence/stix-ids.ts made the ids). Two processes starting at once write the same values.
CALL () {
  UNWIND $phones AS phone
  MATCH (p:PhoneNumber {e164: phone.value})
  SET p.stixId = phone.stixId
}
CALL () {
  UNWIND $domains AS domain
  MATCH (d:Domain {name: domain.value})
  SET d.stixId = domain.stixId
}
