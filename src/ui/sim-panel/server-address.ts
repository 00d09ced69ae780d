/**
 * Where a socket's server is, as the module runs it (SOCKx = protocol,host,port; SOCKxEN), for the panel's
 * server cards ("test.usr.cn:2317 (TCP)"). From the running settings of the simulator's snapshot.
 */
import type { SocketId } from '../../simulator/core/control';

export interface ServerAddress {
  readonly enabled: boolean;
  readonly protocol: string;
  readonly host: string;
  readonly port: string;
}

/** The socket's server from running settings; undefined when the settings are not known yet. */
export function serverAddress(
  running: Readonly<Record<string, string>>,
  socket: SocketId,
): ServerAddress | undefined {
  const value = running[`SOCK${socket}`];
  if (value === undefined) return undefined;
  const [protocol = 'TCP', host = '', port = ''] = value.split(',');
  // Sockets connect only in the network working mode (WKMOD=NET) and when enabled (SOCKxEN=ON).
  const networked = (running['WKMOD'] ?? 'NET') === 'NET';
  return { enabled: networked && running[`SOCK${socket}EN`] === 'ON', protocol, host, port };
}
