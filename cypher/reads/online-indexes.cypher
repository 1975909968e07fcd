// The indexes online now; a uniqueness constraint's index has the constraint's name. src/graph/migrations.ts
// runs only the schema statements whose index is not among them (each schema/ file creates the index or
// constraint its file name names), rather than some thirty schema transactions at every start.
SHOW INDEXES YIELD name, state
WHERE state = 'ONLINE'
RETURN name
