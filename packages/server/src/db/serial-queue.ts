/**
 * Runs tasks one after another, in the order they were queued. PGlite is one PostgreSQL backend
 * with one session: two requests' transactions must not interleave their statements on it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // The next task waits for this one to settle, whether it succeeded or not.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
