// The relationships among a set of entities for drawing: lean (no quote, no sources), those between the most
// connected ends first, at most $limit, with how many there are in all. Parameters: $ids, $degree (id -> degree of
// each entity in $ids), $relTypes (empty for all), $limit.
// Returns: total, edge ({id, type, from, to, basis, date}); one row with edge null when there are none.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids
  AND b.id IN $ids
  AND (size($relTypes) = 0 OR type(r) IN $relTypes)
WITH r, a.id AS from, b.id AS to, $degree[a.id] + $degree[b.id] AS weight
ORDER BY weight DESC, r.id
WITH count(r) AS total, collect({r: r, from: from, to: to})[0..$limit] AS top
UNWIND CASE WHEN size(top) = 0 THEN [null] ELSE top END AS e
RETURN total,
       CASE WHEN e IS NULL THEN null
            ELSE {id: e.r.id, type: type(e.r), from: e.from, to: e.to, basis: e.r.basis, date: e.r.date} END AS edge
