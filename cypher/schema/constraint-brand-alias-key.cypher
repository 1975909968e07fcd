// Brand resolution by alias: each alias key is a BrandAlias node (lists are not indexable).
CREATE CONSTRAINT brand_alias_key IF NOT EXISTS FOR (a:BrandAlias) REQUIRE a.key IS UNIQUE
