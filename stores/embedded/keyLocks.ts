/**
 * Per-key locks of a keyed-documents tree: work on some keys starts once every earlier work on any
 * of them is done; work on other keys runs meanwhile.
 */
export class KeyLocks {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `work` holding every one of `keys`, taken in sorted order (two calls never wait on each other crosswise). */
  async withKeys<R>(keys: readonly string[], work: () => Promise<R>): Promise<R> {
    const releases: (() => void)[] = [];
    try {
      for (const key of [...new Set(keys)].sort()) releases.push(await this.acquire(key));
      return await work();
    } finally {
      for (const release of releases) release();
    }
  }

  /** Resolves once no key is held, the work that started meanwhile included. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }

  private acquire(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const chained = previous.then(() => held);
    this.tails.set(key, chained);
    return previous.then(() => () => {
      release();
      if (this.tails.get(key) === chained) this.tails.delete(key);
    });
  }
}
