import { linkedScenes } from '../../graph/document-ops';
import { useStudio } from '../../stores/context';
import { Section } from './Section';
import type { SectionProps } from './section-props';

/** from/to scenes are derived from edges (project-format.md §2.2), so they are read-only here. */
export function LinksSection({ doc, node }: SectionProps) {
  const { selection } = useStudio();
  const { fromScene, toScene } = linkedScenes(doc, node.id);
  const row = (label: string, scene: typeof fromScene, testId: string) => (
    <div className="link-row" data-testid={testId}>
      <span className="link-label">{label}</span>
      {scene ? (
        <>
          <span className="link-scene">{scene.title || scene.id}</span>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => selection.getState().requestFocus(scene.id, null)}>
            Go to scene
          </button>
        </>
      ) : (
        <span className="muted">Not connected — drag an edge on the canvas</span>
      )}
    </div>
  );
  return (
    <Section title="Links">
      {row('From scene', fromScene, 'gen-editor-from-scene')}
      {row('To scene', toScene, 'gen-editor-to-scene')}
    </Section>
  );
}
