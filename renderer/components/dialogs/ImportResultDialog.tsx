import { useMemo, type ReactNode } from 'react';
import type { ImportReport } from '../../../core/rpc/studio-shapes';
import { useGraphStore } from '../../stores/context';
import { Dialog } from './Dialog';

// project-format.md §3 (import): what an import added, which ids it renamed to avoid a clash, and which
// entries of the project it kept instead of the imported ones.

function Section({ testId, title, children }: { testId: string; title: string; children: ReactNode }) {
  return (
    <section data-testid={testId} aria-label={title}>
      <h3 className="field-label">{title}</h3>
      <ul className="fx-plain-list">{children}</ul>
    </section>
  );
}

export function ImportResultDialog({ sourcePath, report, onClose }: { sourcePath: string; report: ImportReport; onClose(): void }) {
  const document = useGraphStore((s) => s.document);
  const nodeLabels = useMemo(() => new Map(document?.generationNodes.map((n) => [n.id, n.label]) ?? []), [document]);
  const familyTitles = useMemo(() => new Map(document?.prompts.families.map((f) => [f.id, f.title]) ?? []), [document]);
  const { nodes, promptFamilies, promptVersions, assets } = report.imported;
  const renamed = report.conflicts.filter((c) => c.resolution === 'renamed');
  const kept = report.conflicts.filter((c) => c.resolution === 'kept-existing');
  const addedCount = nodes.length + promptFamilies.length + promptVersions.length + assets.length;

  return (
    <Dialog
      testId="import-result"
      title="Import finished"
      onClose={onClose}
      footer={
        <button type="button" className="btn btn-primary" data-testid="import-result-close" data-autofocus onClick={onClose}>
          Close
        </button>
      }
    >
      <p className="small">
        From <code className="fx-mono">{sourcePath}</code>
      </p>
      {addedCount === 0 ? <p data-testid="import-nothing">Nothing new: everything in it is already in this project.</p> : null}
      {nodes.length > 0 ? (
        <Section testId="import-added-nodes" title={`Added ${nodes.length} ${nodes.length === 1 ? 'node' : 'nodes'}`}>
          {nodes.map((id) => (
            <li key={id} data-testid={`import-added-node-${id}`}>
              {nodeLabels.get(id) ?? id} <span className="muted small">{id}</span>
            </li>
          ))}
        </Section>
      ) : null}
      {promptFamilies.length + promptVersions.length > 0 ? (
        <Section testId="import-added-prompts" title="Added prompts">
          {promptFamilies.map((id) => (
            <li key={id}>
              {familyTitles.get(id) ?? id} <span className="muted small">{id}</span>
            </li>
          ))}
          {promptVersions.length > 0 ? (
            <li>
              {promptVersions.length} prompt {promptVersions.length === 1 ? 'version' : 'versions'}
            </li>
          ) : null}
        </Section>
      ) : null}
      {assets.length > 0 ? (
        <Section testId="import-added-assets" title={`Copied ${assets.length} ${assets.length === 1 ? 'asset' : 'assets'} into the project folder`}>
          {assets.map((id) => (
            <li key={id}>{id}</li>
          ))}
        </Section>
      ) : null}
      {renamed.length > 0 ? (
        <Section testId="import-renamed" title="Renamed to avoid a clash">
          {renamed.map((c) => (
            <li key={`${c.kind}-${c.id}`} data-testid={`import-renamed-${c.id}`}>
              {c.id} → {c.newId}
            </li>
          ))}
        </Section>
      ) : null}
      {kept.length > 0 ? (
        <Section testId="import-conflicts" title="Conflicts: the project's own entry was kept">
          {kept.map((c) => (
            <li key={`${c.kind}-${c.id}`} data-testid={`import-conflict-${c.id}`} data-kind={c.kind}>
              {c.message}
            </li>
          ))}
        </Section>
      ) : null}
    </Dialog>
  );
}
