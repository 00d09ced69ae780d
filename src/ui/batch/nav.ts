/** The batch station's navigation entry, apart from strings.ts so the start-up bundle stays small. */
import type { Text } from '../../protocol/types';

export const BATCH_NAV: Text = { en: 'Batch', zh: '批量' };
