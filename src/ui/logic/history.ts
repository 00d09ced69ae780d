/**
 * The terminal's command history, as in a shell: ↑ goes back, ↓ forward; what was typed before moving
 * is kept and comes back past the newest entry. Repeats of the last command are stored once.
 */
export class CommandHistory {
  private readonly items: string[] = [];
  /** Index into `items` while browsing; `items.length` means "the line being typed". */
  private cursor = 0;
  private typed = '';

  constructor(private readonly limit = 100) {}

  get entries(): readonly string[] {
    return this.items;
  }

  /** Stores a sent command and resets browsing. */
  push(command: string): void {
    const line = command.trim();
    if (line !== '' && this.items[this.items.length - 1] !== line) {
      this.items.push(line);
      if (this.items.length > this.limit) this.items.shift();
    }
    this.cursor = this.items.length;
    this.typed = '';
  }

  /** The previous command (↑), given what is in the input now. */
  up(current: string): string {
    if (this.cursor === this.items.length) this.typed = current;
    if (this.cursor > 0) this.cursor -= 1;
    return this.items[this.cursor] ?? current;
  }

  /** The next command (↓); past the newest, the line that was being typed. */
  down(): string {
    if (this.cursor < this.items.length) this.cursor += 1;
    return this.cursor === this.items.length ? this.typed : (this.items[this.cursor] ?? this.typed);
  }
}
