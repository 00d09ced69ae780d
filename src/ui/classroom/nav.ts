/**
 * The classroom's navigation entry: the one classroom string the shell needs at start-up, apart from
 * strings.ts so the start-up bundle does not carry the view's words.
 */
import type { Text } from '../../protocol/types';

export const CLASSROOM_NAV: Text = { en: 'Classroom', zh: '课堂练习' };
