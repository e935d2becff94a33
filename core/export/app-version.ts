import { version } from '../../package.json';

/** The bundle's `generator` names the build that wrote it (project-format.md §6). */
export function appVersion(): string {
  return version;
}
