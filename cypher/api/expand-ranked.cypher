// One step of a bounded neighbourhood from ranked neighbours (cypher/load/rank-neighbours.cypher): per frontier
// entity, its ranked relationships from $offset, at most $k, and whether they can be trusted: `fresh` is false when
// the entity's degree changed since it was ranked (the graph was written outside a load) and `complete` says the
// ranked list covers the page asked for. The caller reads the others through cypher/api/expand.cypher.
// Parameters: $frontier (ids), $offset, $k.
// Returns: id, degree, fresh, complete, nbrIds, relIds, relTypes, relOut, relBasis, relDates.
UNWIND $frontier AS entityId
MATCH (a:Entity {id: entityId})
OPTIONAL MATCH (x:NeighbourRank {entityId: entityId})
WITH a, x, COUNT { (a)--() } AS degree
RETURN a.id AS id,
       degree,
       x IS NOT NULL AND x.degree = degree AS fresh,
       x IS NOT NULL AND (size(x.nbrIds) >= $offset + $k OR size(x.nbrIds) = degree) AS complete,
       x.nbrIds[$offset..$offset + $k] AS nbrIds,
       x.relIds[$offset..$offset + $k] AS relIds,
       x.relTypes[$offset..$offset + $k] AS relTypes,
       x.relOut[$offset..$offset + $k] AS relOut,
       x.relBasis[$offset..$offset + $k] AS relBasis,
       x.relDates[$offset..$offset + $k] AS relDates
