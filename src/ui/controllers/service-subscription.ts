import { ContextConsumer, type Context } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The common part of the controllers that connect an element to a provided service: take the service from
 * its context, subscribe while the element is in the page (`listen` returns the unsubscribe function), and
 * re-render the element on every change.
 */
export class ServiceSubscription<T> implements ReactiveController {
  private service: T | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: Host,
    context: Context<unknown, T>,
    private readonly listen: (service: T) => () => void,
  ) {
    host.addController(this);
    new ContextConsumer(host, {
      context,
      callback: (service) => {
        this.service = service;
        this.start();
      },
    });
  }

  /** The service, once provided. */
  get value(): T | undefined {
    return this.service;
  }

  hostConnected(): void {
    this.start();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private start(): void {
    if (this.service === undefined || this.unsubscribe || !this.host.isConnected) return;
    this.unsubscribe = this.listen(this.service);
    this.host.requestUpdate();
  }
}
