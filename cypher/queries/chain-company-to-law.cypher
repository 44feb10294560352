// title: The shortest chain from a company to a law
// description: All shortest paths (up to 6 hops, never through a newsletter source) from a company to a law, to see how the law reaches it.
// param company: id = company:bytedance -- the company
// param law: id = law:cn-aigc-labeling -- the law
MATCH (c:Entity {id: $company}), (l:Law {id: $law})
MATCH p = allShortestPaths((c)-[*..6]-(l))
WHERE none(n IN nodes(p)[1..-1] WHERE n:Source)
RETURN p AS path, [n IN nodes(p) | coalesce(n.nameEn, n.nameZh)] AS chain, length(p) AS hops
LIMIT 25
