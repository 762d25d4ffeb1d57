/**
 * One flusher per origin. Every tab and every page of a district site shares the outbox; if two
 * of them sent the same entry at once the server would see it twice (harmless, it is idempotent,
 * but wasteful on a kiosk's mobile data). Web Locks give a lock that spans tabs and is released
 * when a tab dies. Where they are missing (old browsers, insecure http pages) or refused
 * (sandboxed and opaque-origin frames reject `request` with a SecurityError), the task runs
 * without the lock: the outbox's per-entry in-flight marker (`sendingUntil`) still keeps two
 * pages from sending the same entry at once, and the server's idempotency keeps the data right.
 */

let warnedOfRefusal = false;

/** Runs the task holding the named lock, unless another holder has it: then returns false at once. */
export async function runExclusive(name: string, task: () => Promise<void>): Promise<boolean> {
  const locks = lockManager();
  if (!locks) {
    await task();
    return true;
  }
  let started = false;
  try {
    return await locks.request(name, { ifAvailable: true }, async (lock) => {
      if (!lock) return false;
      started = true;
      await task();
      return true;
    });
  } catch (error) {
    // The task's own failure is the caller's; the lock manager's refusal is not a reason to stop sending.
    if (started) throw error;
    if (!warnedOfRefusal) {
      warnedOfRefusal = true;
      console.warn('[sipas] Web Locks refused; sending without the lock', error);
    }
    await task();
    return true;
  }
}

function lockManager(): LockManager | undefined {
  try {
    const locks = globalThis.navigator?.locks as LockManager | undefined;
    return typeof locks?.request === 'function' ? locks : undefined;
  } catch {
    return undefined;
  }
}
