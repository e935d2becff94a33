import { APP_VERSION } from '../version';

/** providers.md §4: every provider request names the app and its version. */
export const USER_AGENT = `GenweaveStudio/${APP_VERSION}`;
