/**
 * Settings that can cut the way back to a module in the field (docs/remote.md). A remote change is
 * stored at once and takes effect at the `AT+Z` that ends the payloads; from then on the module may no
 * longer be reachable the way it was reached. Each warning names the setting, what happens, and which
 * remote channel it cuts, so the person keeps one way back (SMS when network AT is at risk and the other
 * way round).
 *
 * The 7S4 has no setting that turns SMS AT off (manual 3.1.5 and the command table list only SMSEND and
 * CISMSSEND under 短信息指令), so SMS is cut only by a new command password.
 */
import type { Text } from '../../protocol/types';

export type RemoteChannel = 'sms' | 'network';
export type RemoteSocket = 'A' | 'B' | 'C' | 'D';

export interface PathWarning {
  /** The setting that causes it. */
  readonly setting: string;
  /** The channels it cuts after `AT+Z` (empty: it cuts none, but something on site changes). */
  readonly cuts: readonly RemoteChannel[];
  readonly message: Text;
}

export interface PathChange {
  readonly name: string;
  /** The module's value before, when known. */
  readonly from: string | undefined;
  readonly to: string;
}

const t = (en: string, zh: string): Text => ({ en, zh });
const REGISTRATION = new Set(['REGEN', 'REGTP', 'REGDT', 'REGSND', 'CLOUD']);

/** The warnings for `changes` when network AT comes through `socket`, in the order of the changes. */
export function pathWarnings(changes: readonly PathChange[], socket: RemoteSocket): PathWarning[] {
  const out: PathWarning[] = [];
  const add = (setting: string, cuts: readonly RemoteChannel[], en: string, zh: string): void => {
    out.push({ setting, cuts, message: t(en, zh) });
  };
  for (const c of changes) {
    const n = c.name;
    if (n === 'CMDPW') {
      add(
        n,
        ['sms', 'network'],
        'AT+CMDPW changes the command password. Every payload here still starts with the current password (the new one takes effect at AT+Z, which is why it is written last); after the restart the module answers only to the new password, by SMS and over the network. Keep it where your server and phone can find it.',
        'AT+CMDPW 会修改指令密码。这里的每条指令仍以当前密码开头（新密码在 AT+Z 重启后生效，因此它最后写入）；重启后模块只响应新密码（短信和网络都是）。请把新密码保存在服务器和手机能取到的地方。',
      );
    } else if (n === 'APN') {
      add(
        n,
        ['network'],
        'AT+APN changes the access point. If it is wrong, the module has no mobile data after AT+Z: no socket connects and network AT can no longer reach it. SMS does not use the APN: keep SMS AT as the way back.',
        'AT+APN 会修改接入点。若填写错误，AT+Z 重启后模块没有移动数据：所有 Socket 都连不上，网络 AT 将无法再到达模块。短信不使用 APN：请保留短信 AT 作为恢复手段。',
      );
    } else if (n === 'WKMOD' && c.to !== 'NET') {
      add(
        n,
        ['network'],
        `AT+WKMOD=${c.to}: in this mode the module opens no socket, so network AT can no longer reach it after AT+Z. SMS AT still works.`,
        `AT+WKMOD=${c.to}：该模式下模块不建立任何 Socket，AT+Z 重启后网络 AT 将无法到达模块。短信 AT 仍可用。`,
      );
    } else if (n === `SOCK${socket}`) {
      add(
        n,
        ['network'],
        `Socket ${socket} carries the network AT. After AT+Z it connects to ${c.to}: the server that sends these lines loses the module unless it listens there.`,
        `网络 AT 经由 Socket ${socket}。AT+Z 重启后它将连接到 ${c.to}：除非发送这些指令的服务器在那里监听，否则将失去该模块。`,
      );
    } else if (n === `SOCK${socket}EN` && c.to === 'OFF') {
      add(
        n,
        ['network'],
        `AT+SOCK${socket}EN=OFF turns off socket ${socket}, the one that carries the network AT: after AT+Z the server cannot reach the module through it.`,
        `AT+SOCK${socket}EN=OFF 会关闭承载网络 AT 的 Socket ${socket}：AT+Z 重启后服务器无法再经由它到达模块。`,
      );
    } else if (n === `SOCK${socket}SL` && c.to === 'SHORT') {
      add(
        n,
        ['network'],
        `AT+SOCK${socket}SL=SHORT makes socket ${socket} a short connection: it is open only for a while after the serial device sends data, so network AT reaches the module only then.`,
        `AT+SOCK${socket}SL=SHORT 使 Socket ${socket} 变为短连接：只在串口设备发送数据后的一段时间内保持连接，网络 AT 只能在此期间到达模块。`,
      );
    } else if (REGISTRATION.has(n)) {
      add(
        n,
        [],
        `AT+${n} changes the registration packet. A server that tells its modules apart by that packet may no longer recognise this one after AT+Z, and so may not send it network AT.`,
        `AT+${n} 会修改注册包。若服务器依靠注册包区分模块，AT+Z 重启后可能认不出这个模块，也就无法再向它发送网络 AT。`,
      );
    } else if (n === 'HEARTEN' && c.to === 'OFF') {
      add(
        n,
        [],
        'AT+HEARTEN=OFF stops the heartbeat. A mobile network closes idle connections after a while; without a heartbeat the link of a quiet module may be down when the server wants to send network AT.',
        'AT+HEARTEN=OFF 会关闭心跳包。移动网络会在一段时间后关闭空闲连接；没有心跳，安静的模块的连接可能在服务器要发送网络 AT 时已经断开。',
      );
    } else if (n === 'UART') {
      add(
        n,
        [],
        `AT+UART=${c.to}: after AT+Z the module's serial port runs at these settings. The device wired to it on site must use them too, or its data is garbled — and no one is there to change it.`,
        `AT+UART=${c.to}：AT+Z 重启后模块串口使用此设置。现场连接的设备也必须使用相同设置，否则数据会乱码——而现场没有人可以修改它。`,
      );
    }
  }
  return out;
}
