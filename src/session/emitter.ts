/** A tiny typed event emitter: no DOM, listeners are called in order, one that throws does not stop the rest. */
export type Listener<T> = (value: T) => void;

export class Emitter<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Listener<never>[]>();

  /** Subscribes; returns the unsubscribe function. */
  on<K extends keyof Events>(type: K, listener: Listener<Events[K]>): () => void {
    const list = (this.listeners.get(type) ?? []) as Listener<Events[K]>[];
    this.listeners.set(type, [...list, listener] as Listener<never>[]);
    return () => {
      const now = (this.listeners.get(type) ?? []) as Listener<Events[K]>[];
      this.listeners.set(type, now.filter((l) => l !== listener) as Listener<never>[]);
    };
  }

  emit<K extends keyof Events>(type: K, value: Events[K]): void {
    for (const l of (this.listeners.get(type) ?? []) as Listener<Events[K]>[]) {
      try {
        l(value);
      } catch (e) {
        // A broken view must not break the session; report it where developers look.
        console.error(e);
      }
    }
  }
}
