/**
 * Waiting on emulator state without polling: a Signal is poked whenever some
 * state changes and each pending waiter re-checks only its own condition.
 */
export class Signal {
  readonly #listeners = new Set<() => void>();

  notify(): void {
    for (const listener of this.#listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/**
 * Resolves with the first non-undefined result of `check`, evaluated now and
 * after every notification of `signal`; rejects after `timeoutMs`.
 */
export function waitUntil<T>(
  signal: Signal,
  check: () => T | undefined,
  timeoutMs: number,
  describe: () => string,
): Promise<T> {
  const ready = check();
  if (ready !== undefined) return Promise.resolve(ready);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`Emulator: timed out after ${timeoutMs} ms waiting for ${describe()}`));
    }, timeoutMs);
    const unsubscribe = signal.subscribe(() => {
      const value = check();
      if (value === undefined) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(value);
    });
  });
}
