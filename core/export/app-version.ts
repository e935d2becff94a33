import { APP_VERSION } from '../version';

/** The bundle's `generator` names the build that wrote it (project-format.md §6). */
export function appVersion(): string {
  return APP_VERSION;
}
