// Per-request batching for fields asked for on every item of a list (GraphNode.savedViews on 200 nodes is one
// query, not 200). Batches live on the request's context object, so nothing outlives the request.

type Load<V> = (keys: string[]) => Promise<Map<string, V>>;

interface Pending<V> {
  keys: Map<string, ((v: V | undefined) => void)[]>;
  failures: ((e: unknown) => void)[];
}

const batches = new WeakMap<object, Map<string, Pending<unknown>>>();

/**
 * Returns the value for `key`, loading it together with every other key asked for under `name` on the same
 * context in the same turn of the event loop.
 */
export function batchLoad<V>(
  context: object,
  name: string,
  key: string,
  load: Load<V>,
): Promise<V | undefined> {
  let byName = batches.get(context);
  if (!byName) {
    byName = new Map();
    batches.set(context, byName);
  }
  let pending = byName.get(name) as Pending<V> | undefined;
  if (!pending) {
    const fresh: Pending<V> = { keys: new Map(), failures: [] };
    pending = fresh;
    byName.set(name, fresh as Pending<unknown>);
    setImmediate(() => {
      byName.delete(name);
      load([...fresh.keys.keys()]).then(
        (values) => {
          for (const [k, waiters] of fresh.keys) for (const resolve of waiters) resolve(values.get(k));
        },
        (e: unknown) => {
          for (const fail of fresh.failures) fail(e);
        },
      );
    });
  }
  const current = pending;
  return new Promise<V | undefined>((resolve, reject) => {
    const waiters = current.keys.get(key) ?? [];
    waiters.push(resolve);
    current.keys.set(key, waiters);
    current.failures.push(reject);
  });
}
