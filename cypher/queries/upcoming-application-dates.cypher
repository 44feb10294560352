// title: Upcoming application dates
// description: The compliance calendar: every date between two dates on which an obligation starts to apply, with the law, the article, who it binds and what it requires.
// param from: date = 2026-02-28 -- from this date (inclusive)
// param to: date = 2028-02-28 -- up to this date (inclusive)
// param jurisdictions: id[] = jur:eu,jur:gb,jur:kr,jur:cn -- the markets (empty: all)
// Reads the obligations' appliesFrom index for the window, then each one's law and roles.
MATCH (o:Obligation)
WHERE o.appliesFrom >= $from AND o.appliesFrom <= $to
MATCH (law:Law)-[:HAS_PROVISION]->(p:Provision)-[:IMPOSES]->(o)
WHERE size($jurisdictions) = 0 OR EXISTS { (law)-[:APPLIES_IN]->(j:Jurisdiction) WHERE j.id IN $jurisdictions }
OPTIONAL MATCH (o)-[:BINDS]->(r:Role)
WITH o, law, p, collect(DISTINCT coalesce(r.nameEn, r.nameZh)) AS roles
RETURN o.appliesFrom AS date, coalesce(law.nameEn, law.nameZh) AS law, p.number AS article, roles, o.textEn AS obligation, o.textZh AS obligationZh,
       o.condition AS condition, o.referenceUrl AS url, o.id AS id
ORDER BY date, law, article, id
