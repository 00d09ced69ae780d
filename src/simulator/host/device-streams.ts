import type { UartSettings } from '../../protocol/uart';
import type { SerialDevice } from './serial-device';

export interface DeviceStreams {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
  /** Ends both streams as a pulled cable does: pending reads and writes fail with NetworkError. */
  lose(): void;
  /** Stops listening to the device (after the port is closed). */
  detach(): void;
}

/**
 * A ReadableStream/WritableStream pair over a module's serial side, for one opening of a port with the
 * host's `line` settings. The same pair serves an in-process port (tests, Node) and, transferred, the worker.
 */
export function createDeviceStreams(device: SerialDevice, line: UartSettings): DeviceStreams {
  let readController: ReadableStreamDefaultController<Uint8Array> | undefined;
  let writeController: WritableStreamDefaultController | undefined;
  let detached = false;
  let unsubscribe: (() => void) | undefined;

  device.setHostLine?.(line);
  const readable = new ReadableStream<Uint8Array>({
    start(controller) {
      readController = controller;
      unsubscribe = device.onSerialOutput((bytes) => {
        if (detached) return;
        try {
          controller.enqueue(bytes.slice());
        } catch {
          // The reader side was cancelled or errored; nothing is listening any more.
        }
      });
    },
    cancel() {
      detach();
    },
  });

  const writable = new WritableStream<Uint8Array>({
    start(controller) {
      writeController = controller;
    },
    write(chunk) {
      if (detached) throw lostError();
      device.hostWrite(chunk, line);
    },
  });

  function detach(): void {
    if (detached) return;
    detached = true;
    unsubscribe?.();
    device.setHostLine?.(null);
  }

  return {
    readable,
    writable,
    lose() {
      const error = lostError();
      try {
        readController?.error(error);
      } catch {
        // already closed
      }
      try {
        writeController?.error(error);
      } catch {
        // already closed
      }
      detach();
    },
    detach,
  };
}

function lostError(): Error {
  return new DOMException('The device has been lost.', 'NetworkError');
}
