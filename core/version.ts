// The app's version, from package.json. The import attribute is what Node's own ESM loader requires for JSON
// (tsx and Playwright's loader run these files unbundled).
import packageJson from '../package.json' with { type: 'json' };

export const APP_VERSION: string = packageJson.version;
