import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SimCommand, SimEvent, SimulatorControl } from '../../simulator/core/control';
import { simulatorContext } from '../context';
import type { SimulatorService } from '../services/simulator-service';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Connects an element to the simulator: `start()` loads and starts it; recent events are replayed to
 * `onEvent`, then new ones while the element is in the page, ending with a snapshot; `send()` drives it.
 */
export class SimulatorController implements ReactiveController {
  private service: SimulatorService | undefined;
  private control: SimulatorControl | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: Host,
    private readonly onEvent: (event: SimEvent) => void,
  ) {
    host.addController(this);
    new ContextConsumer(host, {
      context: simulatorContext,
      callback: (service) => {
        this.service = service;
        if (service.started) void this.start();
      },
    });
  }

  get running(): boolean {
    return this.control !== undefined;
  }

  get api(): SimulatorService | undefined {
    return this.service;
  }

  async start(): Promise<void> {
    if (!this.service) return;
    this.control = await this.service.get();
    this.listen();
    this.host.requestUpdate();
  }

  send(command: SimCommand): void {
    this.control?.control(command);
  }

  hostConnected(): void {
    this.listen();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private listen(): void {
    if (!this.control || this.unsubscribe || !this.host.isConnected) return;
    for (const e of this.service?.recent() ?? []) this.onEvent(e);
    this.unsubscribe = this.control.onEvent(this.onEvent);
    this.control.control({ type: 'get-snapshot' });
  }
}
