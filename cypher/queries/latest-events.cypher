// title: The latest dated events
// description: The most recent dated relationships of any kind (investigations, suits, accusations, releases, issued rules), with their quotes.
// param limit: int = 50 -- how many
// One branch per relationship type but REPORTED_IN and the legal layer's (undated: its dates are on obligations), each reading its type's date index newest first and stopping
// after $limit, instead of sorting every relationship; then the newest $limit of them all. Equal dates go by type,
// then relationship id, so that the same graph always gives the same rows.
CALL () {
  MATCH (a:Entity)-[r:INVESTIGATES]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:SUES]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:ACCUSES]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:FINES]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:CITES]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:ISSUES]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:DEVELOPS]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:RULES_ON]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:HEARS]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:PARTY_TO]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:SIGNS]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:IMPLEMENTS]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:AMENDS]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:ADDRESSES]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:APPLIES_IN]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:BASED_IN]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:ENFORCES]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:INVOLVES]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
  UNION ALL
  MATCH (a:Entity)-[r:PART_OF]->(b:Entity)
  WHERE r.date IS NOT NULL
  RETURN a, r, b
  ORDER BY r.date DESC, r.id
  LIMIT $limit
}
RETURN r.date AS date, type(r) AS type, coalesce(a.nameEn, a.nameZh) AS from, coalesce(b.nameEn, b.nameZh, b.title) AS to, r.quote AS quote, r.sources AS sources
ORDER BY date DESC, type, r.id
LIMIT $limit
