/**
 * Why a port could not be had, in words a person can act on (zh/en), with advice. Raised by the Web Serial
 * transport; the session turns it into its `failed {error, advice}` state unchanged.
 */
import type { Text } from '../protocol/types';

export type PortErrorKind =
  /** The browser has no Web Serial (Firefox, Safari, mobile). */
  | 'unsupported'
  /** Web Serial exists only on https:// or http://localhost. */
  | 'insecure-context'
  /** The chooser was closed without picking a port (NotFoundError). */
  | 'nothing-picked'
  /** requestPort refused: no user gesture, or a permissions policy blocks serial (SecurityError). */
  | 'blocked'
  /** Another program or browser tab holds the port (InvalidStateError / NetworkError on open). */
  | 'port-busy'
  /** The operating system refused access (Linux: the user is not in the `dialout` group). */
  | 'permission-denied'
  /**
   * The port went away (cable pulled) while opening or in use, or it went away before and cannot be
   * opened again (`goneError`).
   */
  | 'disconnected'
  /** The options were refused (a baud rate the chip cannot do). */
  | 'bad-settings'
  | 'unknown';

export type Platform = 'linux' | 'windows' | 'mac' | 'chromeos' | 'android' | 'other';

export class PortError extends Error {
  override readonly name = 'PortError';
  readonly kind: PortErrorKind;
  readonly text: Text;
  readonly advice: Text;

  constructor(kind: PortErrorKind, text: Text, advice: Text, cause?: unknown) {
    super(text.en, cause === undefined ? undefined : { cause });
    this.kind = kind;
    this.text = text;
    this.advice = advice;
  }
}

const t = (en: string, zh: string): Text => ({ en, zh });

const DIALOUT = t(
  'On Linux, serial ports belong to the `dialout` group: run `sudo usermod -aG dialout $USER`, then log out and back in.',
  'Linux 下串口属于 dialout 组：执行 `sudo usermod -aG dialout $USER`，然后注销并重新登录。',
);

const DRIVERS = t(
  'If the port is not listed, install the USB-serial driver (CH340: wch.cn; CP210x: silabs.com; FTDI; PL2303) and replug the cable.',
  '若列表中没有该串口，请安装 USB 转串口驱动（CH340：wch.cn；CP210x：silabs.com；FTDI；PL2303）后重新插拔。',
);

function join(...parts: (Text | undefined)[]): Text {
  const present = parts.filter((p): p is Text => p !== undefined);
  return { en: present.map((p) => p.en).join(' '), zh: present.map((p) => p.zh).join('') };
}

/** The error for a browser without `navigator.serial`, or for a page served insecurely. */
export function unavailableError(isSecureContext: boolean): PortError {
  if (!isSecureContext) {
    return new PortError(
      'insecure-context',
      t(
        'Web Serial needs a secure page (https:// or localhost).',
        'Web Serial 只能在安全页面（https:// 或 localhost）中使用。',
      ),
      t(
        'Open the configurator over https:// or from http://localhost. The built-in simulator works anywhere.',
        '请通过 https:// 或 http://localhost 打开配置工具。内置模拟器在任何页面都可用。',
      ),
    );
  }
  return new PortError(
    'unsupported',
    t('This browser cannot use serial ports (no Web Serial).', '此浏览器不支持串口（没有 Web Serial）。'),
    t(
      'Use Chrome, Edge or Opera (version 89 or later) on a desktop computer. The built-in simulator works in every browser.',
      '请在电脑上使用 Chrome、Edge 或 Opera（89 或更高版本）。内置模拟器在所有浏览器中都可用。',
    ),
  );
}

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Maps a `requestPort` rejection. */
export function requestError(e: unknown, platform: Platform): PortError {
  if (e instanceof PortError) return e;
  const name = errorName(e);
  if (name === 'NotFoundError') {
    return new PortError(
      'nothing-picked',
      t('No port was chosen.', '没有选择串口。'),
      join(
        t(
          'Plug in the USB-serial cable of the module and choose its port. Not listed? Tick "show all ports".',
          '请插好模块的 USB 转串口线并选择对应串口。列表里没有？请勾选"显示全部串口"。',
        ),
        DRIVERS,
        platform === 'linux' ? DIALOUT : undefined,
      ),
      e,
    );
  }
  if (name === 'SecurityError') {
    return new PortError(
      'blocked',
      t('The browser did not allow choosing a serial port.', '浏览器不允许选择串口。'),
      t(
        'Click the Connect button again (the chooser opens only after a click), and check that serial ports are not blocked in the site settings.',
        '请再次点击"连接"按钮（只有点击后才能打开选择框），并检查网站设置中没有禁止串口。',
      ),
      e,
    );
  }
  return unknownError(e);
}

/** Maps an `open()` rejection (or a port that opened without streams). */
export function openError(e: unknown, platform: Platform): PortError {
  if (e instanceof PortError) return e;
  const name = errorName(e);
  const message = errorMessage(e);
  if (/permission|denied|EACCES|access is denied/i.test(message)) {
    return new PortError(
      'permission-denied',
      t('The operating system refused access to the port.', '操作系统拒绝访问该串口。'),
      platform === 'linux'
        ? DIALOUT
        : t(
            'Check that your user may use serial ports, then try again.',
            '请确认当前用户有使用串口的权限，然后重试。',
          ),
      e,
    );
  }
  if (name === 'InvalidStateError' || name === 'NetworkError' || name === 'InUseError') {
    return new PortError(
      'port-busy',
      t('The port is in use by another program or browser tab.', '该串口正被其他程序或浏览器标签页占用。'),
      join(
        t(
          'Close other serial tools (USR-TCP232, PuTTY, Arduino IDE…) and other tabs of this configurator, then connect again.',
          '请关闭其他串口工具（USR-TCP232、PuTTY、Arduino IDE 等）和本工具的其他标签页，然后重新连接。',
        ),
        platform === 'linux' ? DIALOUT : undefined,
      ),
      e,
    );
  }
  if (name === 'TypeError' || name === 'RangeError') {
    return new PortError(
      'bad-settings',
      t('The port refused these line settings.', '串口不接受这些参数。'),
      t('Choose another baud rate or format.', '请选择其他波特率或数据格式。'),
      e,
    );
  }
  return unknownError(e);
}

export function disconnectedError(cause?: unknown): PortError {
  return new PortError(
    'disconnected',
    t('The serial port went away (cable unplugged?).', '串口已断开（数据线被拔出？）。'),
    t(
      'Check the USB cable and the module power, then connect again. Settings written before the cut are kept by the module.',
      '请检查 USB 线和模块电源，然后重新连接。断开前已写入的参数模块会保留。',
    ),
    cause,
  );
}

/**
 * A port that went away (its device was lost while open, a `disconnect` event, or it is no longer among
 * the granted ports) and now fails to open. Chrome reports that open failure exactly as it reports a port
 * held by another program (`NetworkError: Failed to open serial port.`), so without this the person would
 * be sent to close other programs. Web Serial transport, `open()` of a port it saw go away.
 */
export function goneError(cause?: unknown): PortError {
  return new PortError(
    'disconnected',
    t('The device went away and its port cannot be opened again.', '设备已断开，其串口无法再次打开。'),
    t(
      'Plug the USB-serial cable back in (or check that the adapter, or the serial server it stands for, is powered and running), wait a few seconds, then connect again. If it still fails, unplug it and plug it in again.',
      '请重新插好 USB 转串口线（或检查适配器、串口服务器是否通电并在运行），等几秒后重新连接。仍然失败时，请拔下后再插上。',
    ),
    cause,
  );
}

function unknownError(e: unknown): PortError {
  const detail = errorMessage(e);
  return new PortError(
    'unknown',
    t(`The port could not be used: ${detail}`, `无法使用该串口：${detail}`),
    t('Unplug and replug the cable, then try again.', '请重新插拔数据线后重试。'),
    e,
  );
}

/** The platform from a user-agent string (tests pass one in; the app passes `navigator.userAgent`). */
export function platformOf(userAgent: string): Platform {
  if (/CrOS/.test(userAgent)) return 'chromeos';
  if (/Android/.test(userAgent)) return 'android';
  if (/Windows/.test(userAgent)) return 'windows';
  if (/Mac OS X|Macintosh/.test(userAgent)) return 'mac';
  if (/Linux|X11/.test(userAgent)) return 'linux';
  return 'other';
}
