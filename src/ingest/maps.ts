/** Small helpers for the Map-of-lists indexes the pipeline builds. */

/** Appends to the list under `key` (in place: a long list is not copied at each append). */
/** The first of each id, in order. */
export function uniqueById<T extends { id: string }>(items: T[]): T[] {
  return items.filter((m, i) => items.findIndex((x) => x.id === m.id) === i);
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
