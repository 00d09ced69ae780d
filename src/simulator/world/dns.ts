/**
 * Name resolution in the virtual world. Decision (docs/simulator.md): every address is reachable and is
 * served by the virtual server of the socket that connects to it, except names ending in `.invalid`
 * (RFC 2606), `0.0.0.0`, `255.255.255.255`, and names the control API marks unknown.
 */
export class Dns {
  private unknown = new Set<string>();

  setUnknown(hosts: readonly string[]): void {
    this.unknown = new Set(hosts.map((h) => h.trim().toLowerCase()));
  }

  get unknownHosts(): string[] {
    return [...this.unknown];
  }

  resolves(host: string): boolean {
    const h = host.trim().toLowerCase();
    if (h === '' || this.unknown.has(h)) return false;
    if (h.endsWith('.invalid') || h === 'invalid') return false;
    if (h === '0.0.0.0' || h === '255.255.255.255') return false;
    return true;
  }
}
