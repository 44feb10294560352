// title: The latest dated events
// description: The most recent dated relationships of any kind (investigations, suits, accusations, releases, issued rules), with their quotes.
// param limit: int = 50 -- how many
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.date IS NOT NULL AND type(r) <> 'REPORTED_IN'
RETURN r.date AS date, type(r) AS type, coalesce(a.nameEn, a.nameZh) AS from, coalesce(b.nameEn, b.nameZh, b.title) AS to, r.quote AS quote, r.sources AS sources
ORDER BY date DESC, type
LIMIT $limit
