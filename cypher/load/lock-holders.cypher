// The loads whose transactions hold or wait for the load lock, other than the asking one: each lock transaction
// carries metadata {loadLock: {owner, since, token}} (src/seed/lock.ts). The oldest one holds the lock.
// Parameters: $self (the asking load's token). Returns: owner, since.
SHOW TRANSACTIONS
YIELD metaData, startTime
WHERE metaData.loadLock IS NOT NULL AND metaData.loadLock.token <> $self
RETURN metaData.loadLock.owner AS owner, metaData.loadLock.since AS since
ORDER BY startTime
LIMIT 1
