/** Same shape as grammY's `StorageAdapter`, so `@grammyjs/storage-redis` fits without glue. */
export interface KeyValueStore<T> {
  read(key: string): Promise<T | undefined> | T | undefined;
  write(key: string, value: T): Promise<void> | void;
  delete(key: string): Promise<void> | void;
}

/** Platforms deliver at least once; this remembers which deliveries were already handled. */
export interface UpdateLog {
  /** True the first time an id is seen, false for every repeat. */
  firstDelivery(id: string): Promise<boolean>;
}

/** One update at a time per chat, across every process sharing the store. */
export interface ChatLock {
  run<R>(key: string, work: () => Promise<R>): Promise<R>;
}
