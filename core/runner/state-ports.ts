/** Same shape as grammY's `StorageAdapter`, so `@grammyjs/storage-redis` fits without glue. */
export interface KeyValueStore<T> {
  read(key: string): Promise<T | undefined> | T | undefined;
  write(key: string, value: T): Promise<void> | void;
  delete(key: string): Promise<void> | void;
}

/**
 * Platforms deliver at least once; this remembers which deliveries were fully handled (their
 * replies handed to the platform). A delivery that failed half-way is not in it: its redelivery
 * is handled.
 */
export interface UpdateLog {
  isDone(id: string): Promise<boolean>;
  markDone(id: string): Promise<void>;
}

/** One update at a time per chat, across every process sharing the store. */
export interface ChatLock {
  run<R>(key: string, work: () => Promise<R>): Promise<R>;
}
