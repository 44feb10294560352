// title: Obligations binding a role in a market
// description: Every obligation of the laws that apply in the market that binds a role whose name matches (provider, deployer, controller, 处理者...), with its article, when it applies (and whether it already does on the as-of date), its condition, its penalty ceilings and its official reference.
// param jurisdiction: id = jur:eu -- the market
// param role: string = provider -- part of the role's name, in English or Chinese (empty: every role)
// param asOf: date = 2026-02-28 -- the date on which "applies" is judged
MATCH (j:Jurisdiction {id: $jurisdiction})<-[:APPLIES_IN]-(law:Law)-[:HAS_PROVISION]->(p:Provision)-[:IMPOSES]->(o:Obligation)-[:BINDS]->(r:Role)
WHERE $role = '' OR toLower(r.nameEn) CONTAINS toLower($role) OR r.nameZh CONTAINS $role
OPTIONAL MATCH (o)-[:PENALISED_BY]->(pen:Penalty)
WITH law, p, o, collect(DISTINCT coalesce(r.nameEn, r.nameZh)) AS roles, collect(DISTINCT pen) AS penalties
RETURN coalesce(law.nameEn, law.nameZh) AS law, p.number AS article, o.textEn AS obligation, o.textZh AS obligationZh, roles,
       o.appliesFrom AS appliesFrom, o.appliesFrom <= $asOf AND (o.appliesUntil IS NULL OR o.appliesUntil >= $asOf) AS appliesOnAsOf,
       o.condition AS condition,
       [x IN penalties | coalesce(toString(x.maxAmount) + ' ' + x.currency, '') + coalesce(' / ' + toString(x.maxTurnoverPercent) + '%', '') + coalesce(' (' + x.rule + ')', '')] AS ceilings,
       o.referenceTitle AS reference, o.referenceUrl AS url, o.verified AS verified, o.id AS id
ORDER BY appliesFrom, law, article, id
