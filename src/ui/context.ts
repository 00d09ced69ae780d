/**
 * The shared services, one `@lit/context` per service, all provided by the root element `<dtu-app>`
 * (app-shell.ts) and consumed by views through the controllers in `controllers/`.
 *
 * - `sessionContext`: the AT session of the current connection (services/session-service.ts). Stable for
 *   the page's life; its state changes are announced through `subscribe`.
 * - `storeContext`: what views share about the connected module — values read, edits, identity, status,
 *   last apply report (state/config-store.ts).
 * - `simulatorContext`: the built-in simulator's control API, started on demand (services/simulator-service.ts).
 * - `languageContext`: the chosen language, `en` or `zh`. Consumers subscribe; the root provides a new
 *   value when the person switches.
 */
import { createContext } from '@lit/context';
import type { Lang } from './i18n/language';
import type { SessionService } from './services/session-service';
import type { SimulatorService } from './services/simulator-service';
import type { ConfigStore } from './state/config-store';

export const sessionContext = createContext<SessionService>(Symbol('dtu-session'));
export const storeContext = createContext<ConfigStore>(Symbol('dtu-store'));
export const simulatorContext = createContext<SimulatorService>(Symbol('dtu-simulator'));
export const languageContext = createContext<Lang>(Symbol('dtu-language'));
