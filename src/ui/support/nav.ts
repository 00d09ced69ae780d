/**
 * The one support string the shell needs at start-up (its navigation entry), apart from strings.ts so the
 * start-up bundle does not carry the support view's strings.
 */
import type { Text } from '../../protocol/types';

export const SUPPORT_NAV: Text = { en: 'Support', zh: '技术支持' };
