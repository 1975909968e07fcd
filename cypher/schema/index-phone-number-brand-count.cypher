// crossBrandNumbers: numbers with at least N brands, found through the index, most brands first.
CREATE RANGE INDEX phone_number_brand_count IF NOT EXISTS FOR (p:PhoneNumber) ON (p.brandCount)
