import * as nodeFs from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { CURRENT_SCHEMA_VERSION, type ProjectDocument } from '../../../core/domain';

export const SAMPLE_DIR = path.resolve(import.meta.dirname, '../../../resources/sample');
export const SAMPLE_FILE = path.join(SAMPLE_DIR, 'harbor-lights.genweave.json');
export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../../fixtures/projects');

/** A temp dir owned by the current test and removed when it finishes. */
export async function makeTempDir(prefix = 'genweave-project-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A structurally valid document with `count` scenes chained by edges (optionally closing the loop). */
export function chainDocument(count: number, options: { cycle?: boolean } = {}): ProjectDocument {
  const scenes = Array.from({ length: count }, (_, i) => ({ id: `s-${i}`, title: `Scene ${i}`, position: { x: i * 10, y: 0 } }));
  const edges = scenes.slice(1).map((scene, i) => ({ id: `e-${i}`, source: `s-${i}`, target: scene.id }));
  if (options.cycle === true && count > 1) edges.push({ id: 'e-back', source: `s-${count - 1}`, target: 's-0' });
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    projectId: '11111111-2222-4333-8444-555555555555',
    name: `Chain ${count}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    world: { id: 'world-x', name: 'X', settings: {} },
    scenes,
    generationNodes: [],
    edges,
    npcs: [],
    playthroughPresets: [],
    prompts: { families: [], versions: [] },
    assets: [],
    budgets: {},
  };
}

export function fixedClock(iso: string): () => Date {
  return () => new Date(iso);
}

/** A file system whose writes fail with ENOSPC once `limit` bytes have been written (DUR-6 fault injection). */
export function diskFullAfter(limit: number): typeof nodeFs {
  // The limit counts every byte written through this file system, across files.
  let written = 0;
  return {
    ...nodeFs,
    open: (async (...args: Parameters<typeof nodeFs.open>) => {
      const handle = await nodeFs.open(...args);
      const write = handle.write.bind(handle) as (buffer: Uint8Array, offset: number, length: number) => Promise<{ bytesWritten: number }>;
      return Object.assign(handle, {
        write: async (buffer: Uint8Array, offset: number, length: number) => {
          if (written + length > limit) {
            const room = limit - written;
            if (room > 0) {
              written += room;
              return write(buffer, offset, room);
            }
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          }
          written += length;
          return write(buffer, offset, length);
        },
      });
    }) as typeof nodeFs.open,
  };
}
