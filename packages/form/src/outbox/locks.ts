/**
 * One flusher per origin. Every tab and every page of a district site shares the outbox; if two
 * of them sent the same entry at once the server would see it twice (harmless, it is idempotent,
 * but wasteful on a kiosk's mobile data). Web Locks give a lock that spans tabs and is released
 * when a tab dies; where they are missing (old browsers, insecure contexts) the caller's own
 * in-memory guard is all there is, and the server's idempotency keeps the data right.
 */

/** Runs the task holding the named lock, unless another holder has it: then returns false at once. */
export async function runExclusive(name: string, task: () => Promise<void>): Promise<boolean> {
  const locks = globalThis.navigator?.locks as LockManager | undefined;
  if (!locks) {
    await task();
    return true;
  }
  return locks.request(name, { ifAvailable: true }, async (lock) => {
    if (!lock) return false;
    await task();
    return true;
  });
}
