// title: Briefing: companies whose name or alias is the profile's name
// description: When a profile names a company the graph already holds, the briefing says so (brief it by id to
//   include its own record). Case-insensitive, exact.
// param name: string -- the profile's company name
// returns: id
MATCH (c:Company)
WHERE toLower(c.nameEn) = toLower($name)
   OR toLower(c.nameZh) = toLower($name)
   OR any(a IN coalesce(c.aliases, []) WHERE toLower(a) = toLower($name))
RETURN c.id AS id
ORDER BY id
LIMIT 5
