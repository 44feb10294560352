// One step of a breadth-first expansion: the neighbours of a frontier, filtered by relationship type and label,
// most connected first, each with one relationship that reaches it from the frontier (its edge in the breadth-first
// tree, so that every entity shown is connected to the centre). The caller drops the ids it already reached (a list
// test per row here was the slowest part on hub nodes), so it asks for that many more.
// Parameters: $frontier (ids), $relTypes, $labels, $limit.
// Returns: labels, props, degree, via ({id, type, from, to, basis, date}: a lean edge).
MATCH (a:Entity)-[r]-(m:Entity)
WHERE a.id IN $frontier
  AND (size($relTypes) = 0 OR type(r) IN $relTypes)
  AND (size($labels) = 0 OR any(l IN labels(m) WHERE l IN $labels))
WITH m, head(collect(r)) AS via
WITH m, via, COUNT { (m)--() } AS degree
ORDER BY degree DESC, m.id
LIMIT $limit
RETURN labels(m) AS labels,
       properties(m) AS props,
       degree,
       {id: via.id, type: type(via), from: startNode(via).id, to: endNode(via).id, basis: via.basis, date: via.date} AS via
