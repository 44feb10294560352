// Dated events in order: relationships with an event date (investigations, suits, accusations, issuances...).
// Parameters: $from, $to (ISO dates, inclusive; prefixes of the event date compare as strings), $labels, $relTypes,
// $jurisdictions (jurisdiction ids, empty for all), $limit.
// Returns: date, type, props, fromLabels, fromProps, toLabels, toProps.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.date IS NOT NULL
  AND r.date >= $from AND r.date <= $to
  AND (size($relTypes) = 0 OR type(r) IN $relTypes)
  AND (size($labels) = 0 OR any(l IN labels(a) + labels(b) WHERE l IN $labels))
  AND (size($jurisdictions) = 0
    OR any(x IN [a, b] WHERE x.id IN $jurisdictions
      OR EXISTS { (x)-[:BASED_IN|APPLIES_IN]->(:Jurisdiction)-[:PART_OF*0..1]->(j:Jurisdiction) WHERE j.id IN $jurisdictions }))
RETURN r.date AS date, type(r) AS type, properties(r) AS props,
       labels(a) AS fromLabels, properties(a) AS fromProps, labels(b) AS toLabels, properties(b) AS toProps
ORDER BY date, type, a.id, b.id
LIMIT $limit
