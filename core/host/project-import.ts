// project-format.md §3 (import) behind `project.import`: nodes and prompts from another project file or an
// export bundle folder, merged into the document the renderer sent. The project file is never written; the
// merged document goes back to the renderer, which applies it as one undo step. Only the assets the imported
// nodes use are copied, into the current project's `assets/` folder, as importFromProject does.
import { basename, dirname } from 'node:path';
import { GenError } from '../domain/gen-error';
import { importFromProject } from '../project/import-project';
import type { MethodInput, MethodOutput } from '../rpc/contract';
import type { ClientSession } from './client-session';

/** The file an export writes last (project-format.md §6); picking it stands for its bundle folder. */
const BUNDLE_FILE = 'genweave-bundle.json';

export async function importIntoProject(input: MethodInput<'project.import'>, session: ClientSession): Promise<MethodOutput<'project.import'>> {
  const projectPath = session.project.currentPath;
  // Imported assets land beside the project file, so a never-saved document has nowhere to put them.
  if (projectPath === null) {
    throw new GenError('GEN_BAD_REQUEST', "Invalid request: 'sourcePath' save the project before importing into it.", {
      issues: [{ path: 'sourcePath', message: 'save the project before importing into it' }],
    });
  }
  // Native file pickers cannot choose a folder, so the bundle file itself may be picked.
  const sourcePath = basename(input.sourcePath) === BUNDLE_FILE ? dirname(input.sourcePath) : input.sourcePath;
  const { document, imported, conflicts } = await importFromProject({ document: input.document, projectPath, sourcePath });
  return { document, report: { imported, conflicts } };
}
