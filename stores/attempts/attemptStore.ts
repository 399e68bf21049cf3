/**
 * Attempts counted per key in a sliding window (failed logins, new chats, wrong booking codes),
 * shared by every instance so a limit holds however many instances there are. Keys arrive hashed
 * (see services/attemptLimiter.ts): the store holds no address or account name.
 */
export interface AttemptStore {
  /** Records one attempt at `at`; it counts until `at + windowMs`. */
  record(key: string, at: Date, windowMs: number): Promise<void>;
  /** The times of the key's newest `limit` attempts after `since`, newest first. */
  recent(key: string, since: Date, limit: number): Promise<Date[]>;
  /** Forgets the key's attempts, e.g. after a successful login. */
  reset(key: string): Promise<void>;
}
