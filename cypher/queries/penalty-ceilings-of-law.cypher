// title: Penalty ceilings of a law
// description: The fine ceilings a law sets, article by article (an amount, a share of turnover, which of the two caps the fine), with the obligations each one sanctions.
// param law: id = law:eu-ai-act -- the law
MATCH (law:Law {id: $law})-[:HAS_PROVISION]->(p:Provision)-[:SETS]->(pen:Penalty)
OPTIONAL MATCH (o:Obligation)-[:PENALISED_BY]->(pen)
OPTIONAL MATCH (op:Provision)-[:IMPOSES]->(o)
WITH p, pen, collect(DISTINCT op.number) AS sanctions
RETURN p.number AS article, pen.maxAmount AS maxAmount, pen.currency AS currency, pen.maxTurnoverPercent AS maxTurnoverPercent,
       pen.rule AS rule, pen.note AS note, pen.noteZh AS noteZh, [a IN sanctions WHERE a IS NOT NULL] AS sanctions, pen.referenceUrl AS url, pen.id AS id
ORDER BY article, id
