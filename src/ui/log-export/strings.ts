/** Strings of the terminal's "Download log". */
import type { Text } from '../../protocol/types';

const t = (en: string, zh: string): Text => ({ en, zh });

export const LOG_EXPORT = {
  download: t('Download log', '下载日志'),
  includeSecrets: t('with passwords', '包含密码'),
  includeSecretsHelp: t(
    'Passwords and credentials in the log (AT+CMDPW, APN and cloud passwords, password-AT prefixes) are replaced by •••••• unless this is ticked.',
    '除非勾选此项，日志中的密码和凭据（AT+CMDPW、APN 和云平台密码、密码 AT 前缀）将被替换为 ••••••。',
  ),
} as const;
