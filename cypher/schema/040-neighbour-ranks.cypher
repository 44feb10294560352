// Each entity's ranked neighbours (cypher/load/rank-neighbours.cypher) are found by the entity's id.
// Idempotent: IF NOT EXISTS. One statement per line; the loader splits on ';'.
CREATE CONSTRAINT neighbour_rank_entity IF NOT EXISTS FOR (x:NeighbourRank) REQUIRE x.entityId IS UNIQUE;
