/**
 * A cache of values computed once per owner object and key, kept as long as the owner lives (a
 * WeakMap): for tables derived from an immutable analysis or chain context.
 * @example
 * const contexts = memoPer<Analysis, string, ChainContext>();
 * contexts(analysis, 'nev', () => computeChainContext(analysis, 'nev')); // computed
 * contexts(analysis, 'nev', () => computeChainContext(analysis, 'nev')); // the same object again
 */
export function memoPer<O extends object, K, V>(): (owner: O, key: K, compute: () => V) => V {
  const store = new WeakMap<O, Map<K, V>>();
  return (owner, key, compute) => {
    let byKey = store.get(owner);
    if (!byKey) {
      byKey = new Map();
      store.set(owner, byKey);
    }
    if (byKey.has(key)) return byKey.get(key) as V;
    const value = compute();
    byKey.set(key, value);
    return value;
  };
}
