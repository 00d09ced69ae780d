/**
 * Management actions (manual 3.1.7.3–4, 3.1.7.13–15) with their documented consequences. The ones that
 * restart the module wait until it answers again and bring it back to the session's access mode.
 */
import { factoryDefaults } from '../../protocol/catalogue';
import type { Text } from '../../protocol/types';
import { toSessionError } from '../errors';
import type { OperationHost } from './host';

export type ManageAction = 'Z' | 'REBOOT' | 'CFGTF' | 'RELD' | 'CLEAR';

export interface ManageInfo {
  readonly action: ManageAction;
  readonly section: string;
  /** `app` (fast) or `reboot` (slow, like power-up); undefined: no restart. */
  readonly restart: 'app' | 'reboot' | undefined;
  /** What happens, to show before the person confirms. */
  readonly consequence: Text;
}

const t = (en: string, zh: string): Text => ({ en, zh });

export const MANAGE_ACTIONS: Readonly<Record<ManageAction, ManageInfo>> = {
  Z: {
    action: 'Z',
    section: '3.1.7.3',
    restart: 'app',
    consequence: t(
      'Restarts the application (a few seconds): stored settings take effect, connections drop and come back, and the module returns to its working mode.',
      '重启应用程序（数秒）：已保存的参数生效，连接断开后重连，模块回到工作模式。',
    ),
  },
  REBOOT: {
    action: 'REBOOT',
    section: '3.1.7.4',
    restart: 'reboot',
    consequence: t(
      'Reboots the whole module, like a power cycle (about 20 s): the network registers again. Needed after a firmware upgrade.',
      '整机重启，等同重新上电（约 20 秒）：重新注册网络。固件升级后必须这样重启。',
    ),
  },
  CFGTF: {
    action: 'CFGTF',
    section: '3.1.7.15',
    restart: undefined,
    consequence: t(
      'Saves the current settings as the user defaults (what AT+RELD restores). Nothing restarts.',
      '将当前参数保存为用户默认参数（AT+RELD 恢复的就是它）。不会重启。',
    ),
  },
  RELD: {
    action: 'RELD',
    section: '3.1.7.13',
    restart: 'reboot',
    consequence: t(
      'Restores the user defaults saved with AT+CFGTF and reboots. The baud rate may change with them; the session then searches for it.',
      '恢复 AT+CFGTF 保存的用户默认参数并重启。波特率可能随之改变，届时会自动识别波特率。',
    ),
  },
  CLEAR: {
    action: 'CLEAR',
    section: '3.1.7.14',
    restart: 'reboot',
    consequence: t(
      'Restores the factory settings and reboots: every setting is lost, the serial line goes back to 115200 8N1, the password to usr.cn.',
      '恢复出厂设置并重启：所有参数丢失，串口恢复为 115200 8N1，密码恢复为 usr.cn。',
    ),
  },
};

/** Settings that decide how to reach the module after a restart. */
export const ACCESS_SETTINGS: readonly string[] = ['UART', 'UARTFT', 'CMDPW'];

export async function manage(host: OperationHost, action: ManageAction, signal?: AbortSignal): Promise<void> {
  switch (action) {
    case 'CFGTF':
      await host.action('CFGTF', signal);
      return;
    case 'CLEAR': {
      const factory = factoryDefaults();
      await host.restart(
        'CLEAR',
        Object.fromEntries(ACCESS_SETTINGS.map((n) => [n, factory[n] ?? ''])),
        signal,
      );
      return;
    }
    case 'RELD':
      await host.restart('RELD', 'unknown', signal);
      return;
    case 'Z':
    case 'REBOOT':
      // The module starts with the stored values, which may differ from those it runs with now.
      await host.restart(action, await storedAccess(host, signal), signal);
      return;
  }
}

async function storedAccess(host: OperationHost, signal?: AbortSignal): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const name of ACCESS_SETTINGS) {
    try {
      values[name] = await host.query(name, signal);
    } catch (e) {
      const error = toSessionError(e);
      if (error.code !== 'at-error') throw error;
    }
  }
  return values;
}
