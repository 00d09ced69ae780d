import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { Text } from '../../protocol/types';
import { languageContext } from '../context';
import { format, pick, type Lang } from '../i18n/language';
import { pluralize, type Plural } from '../i18n/plural';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Gives an element the current language and re-renders it when the person switches:
 * `this.i18n.t(S.nav.settings)`, `this.i18n.p(S.nav.pendingBadge, 3)`. Its context consumer is the
 * host's reactive controller.
 */
export class LanguageController {
  private current: Lang = 'en';

  constructor(host: Host) {
    new ContextConsumer(host, {
      context: languageContext,
      subscribe: true,
      callback: (lang) => {
        this.current = lang;
        host.requestUpdate();
      },
    });
  }

  get lang(): Lang {
    return this.current;
  }

  /** A catalogue or UI text in the current language. */
  t(text: Text): string {
    return pick(text, this.current);
  }

  /** A text with `{name}` placeholders filled. */
  f(text: Text, values: Readonly<Record<string, string | number>>): string {
    return format(text, this.current, values);
  }

  /** A count message in the form for `n` (i18n/plural.ts): "Review 1 change", "Review 3 changes". */
  p(text: Plural, n: number, values: Readonly<Record<string, string | number>> = {}): string {
    return pluralize(text, this.current, n, values);
  }
}
