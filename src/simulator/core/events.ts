import type { SimEvent } from './control';

/** Fan-out of simulation events to listeners; a listener that throws does not stop the others. */
export class EventHub {
  private listeners: ((e: SimEvent) => void)[] = [];

  on(listener: (e: SimEvent) => void): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  get active(): boolean {
    return this.listeners.length > 0;
  }

  emit(event: SimEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // A broken observer must not break the simulation.
      }
    }
  }
}
