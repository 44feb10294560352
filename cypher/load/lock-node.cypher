// Makes sure the LoadLock node exists (committed on its own, so that two loaders lock the same existing node
// rather than racing to create it).
MERGE (:LoadLock {name: 'seed'})
