import { z } from 'zod';
import { IsoTimeSchema, nullTolerantObject } from './schema-helpers';
import { PromptTypeSchema } from './vocabulary';

// prompts.md §2: the prompt library of a project document, and its cross-record rules.

const CatalogIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must match ^[A-Za-z0-9_-]{1,64}$' });
const SlugSchema = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be lowercase words joined by single hyphens' });
/** The placeholder name grammar of prompts.md §3, anchored. */
const VariableNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, { message: 'is not a valid placeholder name' });

export const PromptFamilySchema = nullTolerantObject({
  id: CatalogIdSchema,
  slug: SlugSchema,
  title: z.string().min(1).max(255),
  description: z.string().optional(),
  promptType: PromptTypeSchema,
  category: z.string().max(100).optional(),
  tags: z.array(z.string()),
  isActive: z.boolean(),
  createdAt: IsoTimeSchema,
});

export const PromptVariableTypeSchema = z.enum(['string', 'number', 'boolean']);

export const PromptVariableDeclarationSchema = nullTolerantObject({
  type: PromptVariableTypeSchema,
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  description: z.string().optional(),
}).superRefine((decl, ctx) => {
  if (decl.default !== undefined && typeof decl.default !== decl.type) {
    ctx.addIssue({ code: 'custom', message: `default must be a ${decl.type}`, path: ['default'] });
  }
});

export const PromptVersionSchema = nullTolerantObject({
  id: CatalogIdSchema,
  familyId: CatalogIdSchema,
  versionNumber: z.int().min(1),
  parentVersionId: CatalogIdSchema.optional(),
  text: z.string().refine((text) => text.trim() !== '', { message: 'must not be blank' }),
  variables: z.record(VariableNameSchema, PromptVariableDeclarationSchema),
  commitMessage: z.string().max(500).optional(),
  author: z.string().max(100).optional(),
  tags: z.array(z.string()),
  createdAt: IsoTimeSchema,
});

type Issue = { code: 'custom'; message: string; path: (string | number)[] };

function reportDuplicates<T>(items: readonly T[], key: (item: T) => string, path: (i: number) => Issue['path'],
  what: string, addIssue: (issue: Issue) => void): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) addIssue({ code: 'custom', message: `duplicate ${what} ${k}`, path: path(i) });
    seen.add(k);
  });
}

export const PromptCatalogSchema = z
  .object({
    families: z.array(PromptFamilySchema),
    versions: z.array(PromptVersionSchema),
  })
  .superRefine((catalog, ctx) => {
    const add = (issue: Issue): void => ctx.addIssue(issue);
    reportDuplicates(catalog.families, (f) => `'${f.id}'`, (i) => ['families', i, 'id'], 'family id', add);
    reportDuplicates(catalog.families, (f) => `'${f.slug}'`, (i) => ['families', i, 'slug'], 'slug', add);
    reportDuplicates(catalog.versions, (v) => `'${v.id}'`, (i) => ['versions', i, 'id'], 'version id', add);
    reportDuplicates(
      catalog.versions,
      (v) => `${v.versionNumber} in family '${v.familyId}'`,
      (i) => ['versions', i, 'versionNumber'],
      'version number',
      add,
    );
    const familyIds = new Set(catalog.families.map((f) => f.id));
    const versionFamily = new Map(catalog.versions.map((v) => [v.id, v.familyId]));
    catalog.versions.forEach((v, i) => {
      if (!familyIds.has(v.familyId)) {
        add({ code: 'custom', message: `family '${v.familyId}' does not exist`, path: ['versions', i, 'familyId'] });
      }
      if (v.parentVersionId !== undefined) {
        const parentFamily = versionFamily.get(v.parentVersionId);
        if (parentFamily === undefined) {
          add({ code: 'custom', message: `version '${v.parentVersionId}' does not exist`, path: ['versions', i, 'parentVersionId'] });
        } else if (parentFamily !== v.familyId) {
          add({ code: 'custom', message: `version '${v.parentVersionId}' belongs to another family`, path: ['versions', i, 'parentVersionId'] });
        }
      }
    });
  });

export type PromptFamily = z.infer<typeof PromptFamilySchema>;
export type PromptVariableType = z.infer<typeof PromptVariableTypeSchema>;
export type PromptVariableDeclaration = z.infer<typeof PromptVariableDeclarationSchema>;
export type PromptVersion = z.infer<typeof PromptVersionSchema>;
export type PromptCatalog = z.infer<typeof PromptCatalogSchema>;
