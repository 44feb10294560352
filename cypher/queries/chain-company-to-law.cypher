// title: The shortest chain from a company to a law
// description: All shortest paths (up to 6 hops, never through a newsletter source) from a company to a law, to see how the law reaches it.
// param company: id = company:bytedance -- the company
// param law: id = law:cn-aigc-labeling -- the law
MATCH (c:Entity {id: $company}), (l:Law {id: $law})
// The exclusion is stated on every node so that the breadth-first search prunes Sources as it goes.
MATCH p = allShortestPaths((c)-[*..6]-(l))
WHERE all(n IN nodes(p) WHERE n = c OR n = l OR NOT n:Source)
RETURN p AS path, [n IN nodes(p) | coalesce(n.nameEn, n.nameZh)] AS chain, length(p) AS hops
LIMIT 25
