// Graph Data Science and APOC, where installed: campaign detection picks its engine from this.
SHOW PROCEDURES YIELD name
WHERE name IN ['gds.version', 'apoc.version']
RETURN collect(name) AS procedures
