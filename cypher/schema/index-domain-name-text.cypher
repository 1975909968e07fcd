// Lookalike candidates: domains whose name contains a brand's name.
CREATE TEXT INDEX domain_name_text IF NOT EXISTS FOR (d:Domain) ON (d.name)
