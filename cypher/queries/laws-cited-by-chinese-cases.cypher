// title: Which laws the Chinese cases cite most
// description: Cases with a Chinese authority or court among their parties or deciders, and how often each law (and article) is cited.
// Anchored on jur:cn: from China and its parts to the actors based there, their cases, then what those cases cite
// (a scan of every Law with nested EXISTS did not finish in 300 s on a graph of a million relationships).
MATCH (:Jurisdiction {id: 'jur:cn'})<-[:PART_OF*0..1]-(:Jurisdiction)<-[:BASED_IN]-(a)
CALL (a) {
  MATCH (a)-[:PARTY_TO|RULES_ON|INVESTIGATES]-(c:Case)
  RETURN c
  UNION
  MATCH (a)-[r:INVESTIGATES|FINES]->()
  WHERE r.case IS NOT NULL
  MATCH (c:Case {id: r.case})
  RETURN c
}
WITH DISTINCT c
MATCH (c)-[cite:CITES]->(law:Law)
RETURN law.id AS law, coalesce(law.nameZh, law.nameEn) AS name, count(DISTINCT c) AS cases, collect(DISTINCT cite.article) AS articles, collect(DISTINCT c.id) AS caseIds
ORDER BY cases DESC, law
