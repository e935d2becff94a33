import { version } from '../../package.json';

/** providers.md §4: every provider request names the app and its version. */
export const USER_AGENT = `GenweaveStudio/${version}`;
