// rpc.md §3: inputs and results of the host-owned areas (app, project, dialog, export). The engine areas reuse
// the domain schemas; these live here because only the RPC layer and the host speak them.
import { z } from 'zod';
import { ProjectDocumentSchema } from '../domain/project-document';

const Empty = z.strictObject({});
const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
const PathSchema = z.string().min(1).max(4096);

export const TRANSPORT_KINDS = ['electron', 'browser', 'in-process'] as const;
export const TransportKindSchema = z.enum(TRANSPORT_KINDS);
export type TransportKind = z.infer<typeof TransportKindSchema>;

export const StartupNoticeSchema = z.object({ code: z.string(), message: z.string() });

export const AppInfoSchema = z.object({
  version: z.string(),
  transport: TransportKindSchema,
  dataDir: z.string(),
  platform: z.string(),
  startupNotices: z.array(StartupNoticeSchema),
  /** A project path given at launch (`genweave serve --project`, the Electron command line), opened first. */
  launchProject: z.string().nullable().optional(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const ProjectNewInputSchema = z.strictObject({ template: z.enum(['empty', 'sample']), path: PathSchema.optional() });
export const ProjectNewResultSchema = z.object({ document: ProjectDocumentSchema, path: z.string().nullable() });

export const ProjectOpenInputSchema = z.strictObject({ path: PathSchema });
export const RecoveryInfoSchema = z.object({ available: z.boolean(), savedAt: z.string().optional() });
export const ProjectOpenResultSchema = z.object({
  document: ProjectDocumentSchema,
  path: z.string(),
  migratedFrom: z.int().nullable(),
  recovery: RecoveryInfoSchema,
  /** One-time notices for the user, e.g. "Ignored unknown fields: …" (project-format.md §3). */
  notices: z.array(z.string()).optional(),
});

export const ProjectSaveInputSchema = z.strictObject({ document: ProjectDocumentSchema, force: z.boolean().optional() });
export const ProjectSaveAsInputSchema = z.strictObject({ document: ProjectDocumentSchema, path: PathSchema });
export const ProjectSaveResultSchema = z.object({ path: z.string(), savedAt: z.string(), sha256: Sha256Schema });

export const ProjectRecentResultSchema = z.object({
  items: z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string(), exists: z.boolean() })).max(10),
});

export const ProjectAutosaveInputSchema = z.strictObject({ document: ProjectDocumentSchema });
export const ProjectAutosaveResultSchema = z.object({ savedAt: z.string() });

export const RecoverableSchema = z.object({
  projectId: z.string(),
  title: z.string(),
  path: z.string().nullable(),
  savedAt: z.string(),
});
export const ProjectListRecoverableResultSchema = z.array(RecoverableSchema);

export const ProjectIdInputSchema = z.strictObject({ projectId: z.string().min(1).max(128) });
export const ProjectRestoreResultSchema = z.object({
  document: ProjectDocumentSchema,
  path: z.string().nullable(),
  savedAt: z.string(),
});

export const ProjectImportAssetInputSchema = z.strictObject({ sourcePath: PathSchema });
export const ProjectAssetSchema = z.object({ id: z.string(), path: z.string(), mediaType: z.string(), sha256: Sha256Schema });
export const ProjectImportAssetResultSchema = z.object({ asset: ProjectAssetSchema });

// project-format.md §3 (import): nodes and prompts merged from another project file or an export bundle
// folder. The host answers the merged document; the renderer applies it as one undo step.
export const ProjectImportInputSchema = z.strictObject({ document: ProjectDocumentSchema, sourcePath: PathSchema });
export const ImportConflictSchema = z.object({
  kind: z.enum(['node', 'promptFamily', 'promptVersion', 'asset']),
  id: z.string(),
  /** `renamed`: imported under `newId`; `kept-existing`: the project's own entry won and nothing was imported. */
  resolution: z.enum(['renamed', 'kept-existing']),
  newId: z.string().optional(),
  message: z.string(),
});
export const ImportReportSchema = z.object({
  imported: z.object({
    nodes: z.array(z.string()),
    promptFamilies: z.array(z.string()),
    promptVersions: z.array(z.string()),
    assets: z.array(z.string()),
  }),
  conflicts: z.array(ImportConflictSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;
export const ProjectImportResultSchema = z.object({ document: ProjectDocumentSchema, report: ImportReportSchema });

export const DIALOG_PURPOSES = ['open-project', 'save-project', 'export', 'import-asset', 'import-project'] as const;
export const DialogInputSchema = z.strictObject({
  suggestedName: z.string().max(255).optional(),
  purpose: z.enum(DIALOG_PURPOSES).optional(),
});
export type DialogInput = z.infer<typeof DialogInputSchema>;
export const DialogResultSchema = z.object({ path: z.string().nullable(), supported: z.boolean() });
export type DialogResult = z.infer<typeof DialogResultSchema>;

// project-format.md §6
export const ExportProblemSchema = z.object({
  nodeId: z.string().nullable(),
  rule: z.string(),
  severity: z.string(),
  message: z.string(),
  path: z.string().nullable(),
});
export const ExportCheckInputSchema = z.strictObject({ document: ProjectDocumentSchema, projectPath: PathSchema });
export const ExportCheckResultSchema = z.object({ ok: z.boolean(), problems: z.array(ExportProblemSchema) });
export const ExportRunInputSchema = z.strictObject({
  document: ProjectDocumentSchema,
  projectPath: PathSchema,
  outDir: PathSchema,
  includeMedia: z.boolean().optional(),
});
export const ExportRunResultSchema = z.object({
  outDir: z.string(),
  files: z.array(z.string()),
  bundleSha256: Sha256Schema,
  skippedNodes: z.array(z.string()),
});

export const EmptyInputSchema = Empty;
export const EmptyResultSchema = z.object({});
