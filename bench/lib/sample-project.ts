import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The sample project "Harbor Lights" (resources/sample), read as plain JSON: the source of realistic node
// configs, world settings and the prompt catalog for the validator row and the large graphs of the
// browser rows.

export const SAMPLE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'sample');
export const SAMPLE_FILE = join(SAMPLE_DIR, 'harbor-lights.genweave.json');

type Json = Record<string, unknown>;
export type SampleNode = { id: string; label?: string; position: { x: number; y: number }; config: Json };
export type SampleScene = Json & { id: string; position: { x: number; y: number } };
export type SampleDocument = Json & {
  projectId: string;
  name: string;
  world: { id: string; settings: Json };
  scenes: SampleScene[];
  generationNodes: SampleNode[];
  edges: Array<{ id: string; source: string; target: string }>;
  prompts: Json;
};

export function readSampleDocument(): SampleDocument {
  return JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')) as SampleDocument;
}

/**
 * `count` node configs cycling through the sample's five (one per generation type), each made distinct:
 * its own version, moods, duration and prompt-variable values, as a large authored project would be.
 */
export function variedConfigs(doc: SampleDocument, count: number): Json[] {
  const templates = doc.generationNodes.map((n) => n.config);
  return Array.from({ length: count }, (_, i) => {
    const config = structuredClone(templates[i % templates.length]!) as Json & {
      style?: Json;
      duration?: Json;
      prompt?: Json & { variables?: Record<string, unknown> };
    };
    config.version = 1 + (i % 7);
    config.style = { ...config.style, moodFrom: `calm-${i % 50}`, moodTo: `tense-${i % 30}` };
    const { min, max } = (config.duration ?? {}) as { min?: number; max?: number };
    if (min !== undefined && max !== undefined) config.duration = { ...config.duration, target: min + (i % (max - min + 1)) };
    const variables = config.prompt?.variables;
    if (variables) {
      config.prompt = { ...config.prompt, variables: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, typeof v === 'string' ? `${v} ${i}` : v])) };
    }
    return config;
  });
}
