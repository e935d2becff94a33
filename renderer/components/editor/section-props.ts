import type { GenerationNode, ProjectDocument } from '../../../core/domain/project-document';
import type { NodeDraft } from '../../stores/editor-store';

export type SectionProps = {
  doc: ProjectDocument;
  node: GenerationNode;
  draft: NodeDraft;
  /** Sets one config path in the draft; `undefined` removes it. */
  set(path: string, value: unknown): void;
};

export function optionsOf<T extends string>(values: readonly T[], labels?: Record<T, string>) {
  return values.map((value) => ({ value, label: labels?.[value] ?? value }));
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
