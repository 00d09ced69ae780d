/** Setting names as a person reads them: catalogue labels joined in the language's way. */
import type { Lang } from '../i18n/language';
import { settingLabel } from '../logic/profile-format';

export function settingList(names: readonly string[], lang: Lang): string {
  return names.map((n) => settingLabel(n, lang)).join(lang === 'zh' ? '、' : ', ');
}
