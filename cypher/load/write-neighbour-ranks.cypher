// Writes ranked neighbours computed by the loader from the graph it holds in memory (src/seed/neighbour-ranks.ts,
// ranksOf): the same lists, in the same order, as cypher/load/rank-neighbours.cypher computes in the database.
// Parameters: $rows, each [entityId, degree, nbrIds, relIds, relTypes, relOut, relBasis, relDates].
// Returns: ranked (how many entities).
UNWIND $rows AS row
MERGE (x:NeighbourRank {entityId: row[0]})
SET x.degree = row[1],
    x.nbrIds = row[2],
    x.relIds = row[3],
    x.relTypes = row[4],
    x.relOut = row[5],
    x.relBasis = row[6],
    x.relDates = row[7]
RETURN count(x) AS ranked
