import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOpenRequests, isProjectPath, projectPathFromArgv } from '../../../electron/main/open-requests';

describe('project paths on a command line', () => {
  it('resolves a relative path against the working directory of the launch that named it', () => {
    const cwd = resolve('/home/ada/stories');
    expect(projectPathFromArgv(['/opt/genweave/genweave-studio', 'harbor/harbor.genweave.json'], cwd)).toBe(join(cwd, 'harbor', 'harbor.genweave.json'));
    expect(projectPathFromArgv(['genweave-studio', '../x.GENWEAVE.JSON'], cwd)).toBe(resolve(cwd, '../x.GENWEAVE.JSON'));
    const absolute = resolve('/srv/a.genweave.json');
    expect(projectPathFromArgv(['genweave-studio', absolute], cwd)).toBe(absolute);
  });

  it('skips the executable, flags and anything that is not a project file', () => {
    const cwd = resolve('/w');
    expect(projectPathFromArgv(['/x/launcher.genweave.json'], cwd)).toBeNull();
    expect(projectPathFromArgv(['studio', '--open=a.genweave.json', '-psn_0_1', 'notes.txt', 'a.genweave.json.bak'], cwd)).toBeNull();
    expect(projectPathFromArgv(['studio', '--inspect', 'notes.txt', 'b.genweave.json', 'c.genweave.json'], cwd)).toBe(join(cwd, 'b.genweave.json'));
    expect(['a.genweave.json', 'A.Genweave.Json', 'a.json', 'a.genweave', 'genweave.json.txt'].map(isProjectPath)).toEqual([true, true, false, false, false]);
  });
});

describe('the open-request queue', () => {
  it('hands the latest early path to app.info and never sends it again', () => {
    const requests = createOpenRequests();
    requests.request('/p/first.genweave.json');
    requests.request('/p/second.genweave.json');
    expect(requests.takeLaunchProject('/p/argv.genweave.json')).toBe('/p/second.genweave.json');
    const sent: string[] = [];
    requests.deliverTo((path) => sent.push(path));
    expect(sent).toEqual([]);
  });

  it('falls back to the command line when nothing was requested', () => {
    expect(createOpenRequests().takeLaunchProject('/p/argv.genweave.json')).toBe('/p/argv.genweave.json');
    expect(createOpenRequests().takeLaunchProject(null)).toBeNull();
  });

  it('holds a path that arrives while the page loads, then sends each later one at once', () => {
    const requests = createOpenRequests();
    expect(requests.takeLaunchProject(null)).toBeNull();
    requests.request('/p/during-load.genweave.json');
    const sent: string[] = [];
    requests.deliverTo((path) => sent.push(path));
    expect(sent).toEqual(['/p/during-load.genweave.json']);
    requests.request('/p/later.genweave.json');
    requests.request('/p/later.genweave.json');
    expect(sent).toEqual(['/p/during-load.genweave.json', '/p/later.genweave.json', '/p/later.genweave.json']);
  });
});
