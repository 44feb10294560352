// Forgets the stored checksum before a load writes anything: while the load runs, and if it dies half-way, no
// checksum describes a graph the database no longer holds (readers then compute it from the data).
// The GraphMeta node is not an :Entity, so no query of the graph sees it.
MATCH (m:GraphMeta {name: 'graph'})
DELETE m
