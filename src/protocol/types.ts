/**
 * Types of the command catalogue: the one typed description of the module's AT language
 * (manual chapter 3.1.7). Forms, validation, the simulator and profiles read the catalogue;
 * nothing repeats it.
 */

/** A short text in both languages the product speaks. */
export interface Text {
  readonly en: string;
  readonly zh: string;
}

/**
 * How a command is used.
 * - `setting`: stored parameter, queried with `AT+CMD?` and set with `AT+CMD=…` (WKMOD, SOCKA, …).
 * - `query`: read-only information (VER, SN, CSQ, SOCKALK, …).
 * - `action`: runs something, no parameters (AT, Z, REBOOT, ENTM, CFGTF, RELD, CLEAR, H).
 * - `set`: write-only with parameters, nothing stored to read back (SMSEND, CISMSSEND, UPDATE, and the
 *   2.3.3 CLOUDEN/CLOUDID/CLOUDPA aliases).
 */
export type CommandKind = 'setting' | 'query' | 'action' | 'set';

/** Groups follow the manual's table 14 and chapter 2, and order the settings editor. */
export type CommandGroup =
  | 'management'
  | 'config'
  | 'info'
  | 'serial'
  | 'network'
  | 'socket'
  | 'registration'
  | 'cloud'
  | 'heartbeat'
  | 'httpd'
  | 'sms'
  | 'upgrade';

/** The type of one parameter; each variant carries what validation needs. */
export type ParamType =
  /** One of fixed words, compared case-insensitively, canonical form upper case as listed. */
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  /** A whole number in decimal; `allowed` narrows to a list (baud rates). */
  | {
      readonly kind: 'int';
      readonly min: number;
      readonly max: number;
      readonly unit?: 's' | 'ms' | 'bytes';
      readonly allowed?: readonly number[];
      /** Values accepted outside `min`–`max`, e.g. RSTIM's 0 = off beside 60–65535. */
      readonly alsoAllowed?: readonly number[];
    }
  /**
   * Text. Lengths are in bytes of the unescaped UTF-8 (or ASCII) text. `escaped`: the parameter is written
   * with the `[XX]` rule of 3.1.6.4, so `, = ?` CR LF must be escaped. Fixed-width fields (cloud id 20,
   * cloud password 8) have `minBytes === maxBytes`. `endsWithCrLf` for HTPHD. `digitsOnly` for numbers (phone, cloud id).
   */
  | {
      readonly kind: 'text';
      readonly minBytes: number;
      readonly maxBytes: number;
      readonly charset: 'ascii' | 'utf8';
      readonly escaped: boolean;
      readonly digitsOnly?: boolean;
      readonly endsWithCrLf?: boolean;
      readonly mustStartWith?: string;
      /** The empty text is also accepted (the unset state, e.g. CLOUD's factory `""`), whatever `minBytes` says. */
      readonly allowEmpty?: boolean;
    }
  /** Bytes written as a hex string (REGDT, HEARTDT): even number of hex digits, byte count in range. */
  | { readonly kind: 'hex'; readonly minBytes: number; readonly maxBytes: number }
  /** A domain name or IPv4 address. */
  | { readonly kind: 'host'; readonly maxLength: number }
  /** A TCP/UDP port 1–65535. */
  | { readonly kind: 'port' };

export interface Param {
  /** Identifier used by forms and profiles, e.g. `protocol`, `address`, `port`. */
  readonly name: string;
  readonly type: ParamType;
  readonly label: Text;
  readonly help?: Text;
  /** Never leaves the machine unless the person says so (CMDPW, APN password, cloud password). */
  readonly secret?: boolean;
}

export interface CommandEntry {
  /** Command code without `AT+`, upper case: `SOCKA`, `UARTFT`, `Z`. `AT` itself is `''`. */
  readonly name: string;
  readonly group: CommandGroup;
  readonly kind: CommandKind;
  readonly params: readonly Param[];
  /** Factory default as a canonical value (the parameter text of the set command); settings only. */
  readonly default?: string;
  /** True where the default is our guess, not given by the manual (see module-behaviour.md). */
  readonly defaultGuessed?: boolean;
  /** A change is stored and takes effect only after AT+Z / AT+REBOOT (everything but E). */
  readonly needsRestart: boolean;
  /** Any parameter is secret. */
  readonly secret: boolean;
  /** Manual section, e.g. `3.1.7.25`. */
  readonly section: string;
  readonly label: Text;
  readonly help: Text;
  /** For the 2.3.3 aliases (CLOUDEN/CLOUDID/CLOUDPA): the canonical command they write to. */
  readonly aliasOf?: string;
  /** Socket letter for per-socket commands, so forms can group them. */
  readonly socket?: 'A' | 'B' | 'C' | 'D';
}

/** A validation failure a person understands, in both languages. */
export interface ValidationError {
  /** Which parameter (index into `params`), or -1 for the whole line (parameter count). */
  readonly param: number;
  readonly message: Text;
}

export type ValidationResult =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: ValidationError };
