// title: Outbound risk themes and the evidence for each
// description: The risk themes for Chinese AI companies abroad (network-security narrative, technology theft and distillation, government backing, open-source regulation, physical products, geopolitics) and the cases or laws in the graph that bear on each.
MATCH (t:Topic {category: 'risk'})
OPTIONAL MATCH (x:Entity)-[r:ADDRESSES]->(t)
RETURN coalesce(t.nameEn, t.nameZh) AS theme, t.id AS topic, count(x) AS evidence,
       collect(CASE WHEN x IS NULL THEN NULL ELSE {id: x.id, name: coalesce(x.nameEn, x.nameZh), quote: r.quote} END) AS items
ORDER BY evidence DESC, theme
