// title: Which laws the Chinese cases cite most
// description: Cases with a Chinese authority or court among their parties or deciders, and how often each law (and article) is cited.
MATCH (c:Case)-[cite:CITES]->(law:Law)
WHERE EXISTS { (a)-[:PARTY_TO|RULES_ON|INVESTIGATES]-(c) WHERE EXISTS { (a)-[:BASED_IN]->(:Jurisdiction)-[:PART_OF*0..1]->(:Jurisdiction {id: 'jur:cn'}) } }
   OR EXISTS { (a)-[r:INVESTIGATES|FINES]->() WHERE r.case = c.id AND EXISTS { (a)-[:BASED_IN]->(:Jurisdiction)-[:PART_OF*0..1]->(:Jurisdiction {id: 'jur:cn'}) } }
RETURN law.id AS law, coalesce(law.nameZh, law.nameEn) AS name, count(DISTINCT c) AS cases, collect(DISTINCT cite.article) AS articles, collect(DISTINCT c.id) AS caseIds
ORDER BY cases DESC, law
