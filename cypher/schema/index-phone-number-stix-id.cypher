// TAXII's object by id (taxii/indicators-by-id): a number found by its STIX indicator id, not by walking the collection.
CREATE RANGE INDEX phone_number_stix_id IF NOT EXISTS FOR (p:PhoneNumber) ON (p.stixId)
