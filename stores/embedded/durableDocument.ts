/**
 * One JSON document that a store keeps, changed only through serialised transactions.
 * The embedded (lowdb) implementation writes it to a file under DATA_DIR; tests use memoryDocument.
 */
export interface DurableDocument<T> {
  /** The current contents. Treat as read-only; change it only through `update`. */
  read(): Readonly<T>;
  /**
   * Runs `change` on the document and persists the result before resolving.
   * `change` is synchronous on purpose: a check-then-write inside it is atomic within the process.
   * If `change` throws, nothing is written and the error is rethrown.
   */
  update<R>(change: (draft: T) => R): Promise<R>;
}

/** A DurableDocument held in memory only: for tests and for stores that need no persistence. */
export function memoryDocument<T>(initial: T): DurableDocument<T> {
  let current = structuredClone(initial);
  let queue: Promise<unknown> = Promise.resolve();
  return {
    read: () => current,
    update<R>(change: (draft: T) => R): Promise<R> {
      const run = queue.then(() => {
        const draft = structuredClone(current);
        const result = change(draft);
        current = draft;
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
