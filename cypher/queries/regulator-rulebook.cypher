// title: What a regulator issued and enforces, and the cases it acted in
// description: The laws and guidance a regulator issued or enforces and the cases it investigated, fined or ruled on.
// param regulator: id = regulator:cn-cac -- the regulator
MATCH (reg:Entity {id: $regulator})-[r:ISSUES|ENFORCES|INVESTIGATES|FINES|RULES_ON|PARTY_TO]->(x:Entity)
RETURN type(r) AS relation, x.id AS id, coalesce(x.nameEn, x.nameZh) AS name, labels(x) AS labels, r.date AS date, r.basis AS basis, r.quote AS quote
ORDER BY relation, date
