// Takes the load lock: a write lock on the LoadLock node (created beforehand by load/lock-node), held by the open
// transaction until the load ends, or its process or the database dies, which releases it. A second loader blocks
// here. Parameters: $owner, $since. Returns: name.
MATCH (l:LoadLock {name: 'seed'})
SET l.owner = $owner, l.since = $since
RETURN l.name AS name
