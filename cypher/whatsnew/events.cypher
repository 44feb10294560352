// What's new
// The reported events since a date: cases (investigations, lawsuits, accusations, fines) and laws or guidance
// issued, each with its quote, its source and the jurisdictions of the parties (BASED_IN) or of the law (APPLIES_IN).
// An event's date is the relationship's date, else its source's date; dates are ISO strings, compared as text.
// Parameters: $since (ISO date), $watch (entity ids; an empty list for everything), $limit (row cap)
// Returns: type, relationshipId, date, fromId, fromName, fromNameEn, fromNameZh, fromLabel, toId, toName, toNameEn,
//   toNameZh, toLabel, caseId, caseName, caseNameEn, caseNameZh, caseKind, quote, sourceId, sourceTitle, sourcePublisher, sourceDate, sourceUrl, sourceDocument, jurisdictions
MATCH (a:Entity)-[r:INVESTIGATES|SUES|ACCUSES|FINES|ISSUES]->(b:Entity)
WHERE r.basis = 'reported'
OPTIONAL MATCH (s:Source)
WHERE s.id IN r.sources
WITH a, r, b, s
ORDER BY s.date DESC
WITH a, r, b, collect(s)[0] AS s
WITH a, r, b, s, coalesce(r.date, s.date) AS date
WHERE date >= $since
  AND (size($watch) = 0 OR a.id IN $watch OR b.id IN $watch OR r.case IN $watch)
OPTIONAL MATCH (c:Case {id: r.case})
OPTIONAL MATCH (a)-[:BASED_IN]->(ja:Jurisdiction)
OPTIONAL MATCH (b)-[:BASED_IN|APPLIES_IN]->(jb:Jurisdiction)
WITH a, r, b, s, c, date, collect(DISTINCT ja.code) + collect(DISTINCT jb.code) AS codes
RETURN type(r) AS type,
       r.id AS relationshipId,
       date,
       a.id AS fromId,
       coalesce(a.nameZh, a.nameEn) AS fromName,
       a.nameEn AS fromNameEn,
       a.nameZh AS fromNameZh,
       [l IN labels(a) WHERE l <> 'Entity'][0] AS fromLabel,
       b.id AS toId,
       coalesce(b.nameZh, b.nameEn) AS toName,
       b.nameEn AS toNameEn,
       b.nameZh AS toNameZh,
       [l IN labels(b) WHERE l <> 'Entity'][0] AS toLabel,
       c.id AS caseId,
       coalesce(c.nameZh, c.nameEn) AS caseName,
       c.nameEn AS caseNameEn,
       c.nameZh AS caseNameZh,
       c.caseKind AS caseKind,
       r.quote AS quote,
       s.id AS sourceId,
       s.title AS sourceTitle,
       s.publisher AS sourcePublisher,
       s.date AS sourceDate,
       s.url AS sourceUrl,
       s.document AS sourceDocument,
       reduce(acc = [], code IN codes | CASE WHEN code IN acc THEN acc ELSE acc + code END) AS jurisdictions
ORDER BY date DESC, type, fromId, toId
LIMIT $limit
