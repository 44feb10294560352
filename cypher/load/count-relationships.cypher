// How many relationships of one type exist, from the count store (one type, no labels: O(1)). REL_TYPE as in
// merge-relationships. Returns: count.
MATCH ()-[r:REL_TYPE]->()
RETURN count(r) AS count
