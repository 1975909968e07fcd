// TAXII's object by id (taxii/indicators-by-id): a domain found by its STIX indicator id, not by walking the collection.
CREATE RANGE INDEX domain_stix_id IF NOT EXISTS FOR (d:Domain) ON (d.stixId)
