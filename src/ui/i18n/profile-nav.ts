/**
 * The one profile string the shell needs at start-up (its navigation entry), apart from profile-strings.ts
 * so the start-up bundle does not carry the profile views' strings.
 */
import type { Text } from '../../protocol/types';

export const PROFILES_NAV: Text = { en: 'Profiles', zh: '配置档案' };
