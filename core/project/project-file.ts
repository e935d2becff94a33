import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CURRENT_SCHEMA_VERSION, GenError, type ProjectDocument, ProjectDocumentSchema } from '../domain';
import { toStorageError } from './atomic-write';
import { migrateProject, type RawProject } from './migrations';
import { findIgnoredFields } from './unknown-fields';

// project-format.md §3: reading, checking, migrating and encoding the project document.

export type ParsedProject = {
  document: ProjectDocument;
  /** The file's schemaVersion when it was older than this build, else null. */
  migratedFrom: number | null;
  /** Unknown fields that were dropped, as document paths. */
  ignoredFields: string[];
};

export type LoadedProject = ParsedProject & { path: string; sha256: string; bytes: Buffer };

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** UTF-8 JSON, 2-space indentation, keys in schema order, arrays in document order, trailing newline. */
export function encodeProjectDocument(document: ProjectDocument): string {
  // Parsing puts keys in schema order and drops anything the schema does not know; config and extensions
  // pass through untouched.
  const ordered = ProjectDocumentSchema.parse(document);
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export async function readProjectFile(path: string): Promise<LoadedProject> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    if (errnoOf(cause) === 'ENOENT' || errnoOf(cause) === 'EISDIR') {
      const error = invalid(path, errnoOf(cause) === 'ENOENT' ? 'the file does not exist' : 'it is a folder, not a file');
      error.cause = cause;
      throw error;
    }
    throw toStorageError(cause, `read the project file '${path}'`);
  }
  return { ...parseProjectText(bytes.toString('utf8'), path), path, sha256: sha256Hex(bytes), bytes };
}

export function parseProjectText(text: string, path: string): ParsedProject {
  const raw = parseJson(text.replace(/^\uFEFF/, ''), path);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid(path, 'the file does not hold a JSON object');
  const version = (raw as RawProject).schemaVersion;
  if (version === undefined) throw invalid(path, "'schemaVersion' is missing");
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw invalid(path, "'schemaVersion' must be a positive integer");
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new GenError(
      'GEN_PROJECT_TOO_NEW',
      `This project was saved by a newer version of Genweave Studio (format ${version}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update Genweave Studio to open it.`,
      { fileVersion: version, supportedVersion: CURRENT_SCHEMA_VERSION },
    );
  }
  const migrated = migrateProject(raw as RawProject, version);
  const result = ProjectDocumentSchema.safeParse(migrated);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
    const first = issues[0]!;
    throw invalid(path, `'${first.path}' ${first.message}`, { issues });
  }
  return {
    document: result.data,
    migratedFrom: version < CURRENT_SCHEMA_VERSION ? version : null,
    ignoredFields: findIgnoredFields(migrated, result.data),
  };
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const position = /at position (\d+)/.exec(message);
    const { line, column } = lineAndColumn(text, position === null ? text.length : Number(position[1]));
    const error = invalid(path, `${message.replace(/\.$/, '')} (line ${line}, column ${column})`, { line, column });
    error.cause = cause;
    throw error;
  }
}

/** 1-based line and column of a UTF-16 offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(document)' : out;
}

function invalid(path: string, problem: string, extra: Record<string, unknown> = {}): GenError {
  return new GenError('GEN_PROJECT_INVALID', `'${path}' is not a valid Genweave project: ${problem}.`, { path, ...extra });
}

export function errnoOf(cause: unknown): string | undefined {
  return typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
}

/** A document received from a caller (RPC, CLI) that must be well-formed before it is written. */
export function requireProjectDocument(document: unknown): ProjectDocument {
  const result = ProjectDocumentSchema.safeParse(document);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: `document.${formatIssuePath(issue.path)}`, message: issue.message }));
  const first = issues[0]!;
  throw new GenError('GEN_BAD_REQUEST', `Invalid request: '${first.path}' ${first.message}.`, { issues });
}
