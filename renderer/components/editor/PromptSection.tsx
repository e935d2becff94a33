import { useEffect, useState } from 'react';
import { isBuiltinPromptVariable, listTemplateVariables } from '../../../core/prompts';
import { buildCreateRequest } from '../../graph/build-request';
import { useGraphStore, useStudio } from '../../stores/context';
import { Field } from '../fields/Field';
import { SelectInput, TextArea, TextInput } from '../fields/inputs';
import { Section } from './Section';
import { asRecord, type SectionProps } from './section-props';

type Mode = 'default' | 'inline' | 'library';
const PREVIEW_DEBOUNCE_MS = 300;

function modeOf(prompt: Record<string, unknown>): Mode {
  if (typeof prompt['inline'] === 'string') return 'inline';
  if (prompt['familyId'] !== undefined || prompt['versionId'] !== undefined) return 'library';
  return 'default';
}

export function PromptSection({ doc, node, draft, set }: SectionProps) {
  const prompt = asRecord(draft.config['prompt']);
  const [mode, setMode] = useState<Mode>(() => modeOf(prompt));
  const families = doc.prompts.families.filter((f) => f.isActive || f.id === prompt['familyId']);
  const familyId = typeof prompt['familyId'] === 'string' ? prompt['familyId'] : undefined;
  const versionId = typeof prompt['versionId'] === 'string' ? prompt['versionId'] : undefined;
  const versions = doc.prompts.versions
    .filter((v) => v.familyId === familyId)
    .sort((a, b) => b.versionNumber - a.versionNumber);
  const chosen = versionId ? doc.prompts.versions.find((v) => v.id === versionId) : prompt['autoSelectLatest'] === false ? undefined : versions[0];
  const template = mode === 'inline' ? (typeof prompt['inline'] === 'string' ? prompt['inline'] : '') : mode === 'library' ? (chosen?.text ?? '') : '';
  const names = template ? listTemplateVariables(template) : [];
  const variables = asRecord(prompt['variables']);

  const changeMode = (next: Mode) => {
    setMode(next);
    if (next === 'default') set('prompt', Object.keys(variables).length > 0 ? { variables } : undefined);
    else if (next === 'inline') set('prompt', { ...prompt, familyId: undefined, versionId: undefined, autoSelectLatest: undefined, inline: '' });
    else set('prompt', { ...prompt, inline: undefined });
  };

  return (
    <Section title="Prompt" issuePath="prompt">
      <Field path="prompt.source" label="Source">
        {(c) => (
          <SelectInput
            control={c}
            value={mode}
            options={[
              { value: 'default', label: 'Default prompt for the type' },
              { value: 'inline', label: 'Inline text' },
              { value: 'library', label: 'Prompt library' },
            ]}
            onChange={(v) => changeMode((v as Mode | undefined) ?? 'default')}
          />
        )}
      </Field>
      {mode === 'inline' ? (
        <Field path="prompt.inline" label="Inline text" hint="Use {{name}} for placeholders">
          {(c) => <TextArea control={c} rows={4} value={typeof prompt['inline'] === 'string' ? prompt['inline'] : ''} onChange={(v) => set('prompt.inline', v ?? '')} />}
        </Field>
      ) : null}
      {mode === 'library' ? (
        <>
          <Field path="prompt.familyId" label="Family">
            {(c) => (
              <SelectInput
                control={c}
                value={familyId}
                noneLabel="Choose a family"
                options={families.map((f) => ({ value: f.id, label: f.title }))}
                onChange={(v) => set('prompt', { ...prompt, familyId: v, versionId: undefined })}
              />
            )}
          </Field>
          <Field path="prompt.versionId" label="Version">
            {(c) => (
              <SelectInput
                control={c}
                value={versionId ?? 'latest'}
                options={[
                  { value: 'latest', label: 'Latest' },
                  ...versions.map((v) => ({ value: v.id, label: `v${v.versionNumber}${v.commitMessage ? ` — ${v.commitMessage}` : ''}` })),
                ]}
                onChange={(v) =>
                  set('prompt', v === 'latest' || v === undefined ? { ...prompt, versionId: undefined, autoSelectLatest: undefined } : { ...prompt, versionId: v })
                }
              />
            )}
          </Field>
        </>
      ) : null}
      {names.length > 0 ? (
        <div className="variables" role="group" aria-label="Prompt variables">
          {names.map((name) => {
            const bound = name in variables || isBuiltinPromptVariable(name) || chosen?.variables[name]?.default !== undefined;
            const value = variables[name];
            return (
              <Field
                key={name}
                path={`prompt.variables.${name}`}
                label={`{{${name}}}`}
                hint={bound ? (isBuiltinPromptVariable(name) && !(name in variables) ? 'Built-in variable' : undefined) : 'Unbound: needs a value'}
              >
                {(c) => (
                  <TextInput
                    control={c}
                    value={value === undefined ? undefined : String(value)}
                    placeholder={chosen?.variables[name]?.default !== undefined ? `Default: ${String(chosen.variables[name]?.default)}` : undefined}
                    onChange={(v) => set(`prompt.variables.${name}`, v)}
                  />
                )}
              </Field>
            );
          })}
        </div>
      ) : null}
      <PromptPreview nodeId={node.id} config={draft.config} />
    </Section>
  );
}

function PromptPreview({ nodeId, config }: { nodeId: string; config: Record<string, unknown> }) {
  const { rpc, graph } = useStudio();
  const doc = useGraphStore((s) => s.document);
  const [preview, setPreview] = useState<{ text: string; source: string } | { error: string } | null>(null);
  useEffect(() => {
    if (!doc) return;
    let live = true;
    const timer = setTimeout(() => {
      void rpc.call('prompts.resolve', buildCreateRequest(doc, nodeId, config, graph.getState().path)).then((reply) => {
        if (!live) return;
        setPreview(reply.ok ? { text: reply.result.text, source: reply.result.source } : { error: reply.error.message });
      });
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [rpc, graph, doc, nodeId, config]);
  return (
    <div className="prompt-preview" data-testid="gen-editor-prompt-preview" aria-live="polite">
      <div className="prompt-preview-title">Rendered preview{preview && 'source' in preview ? ` · ${preview.source}` : ''}</div>
      {preview === null ? (
        <p className="muted">Rendering…</p>
      ) : 'error' in preview ? (
        <p className="prompt-preview-error">{preview.error}</p>
      ) : (
        <p className="prompt-preview-text">{preview.text}</p>
      )}
    </div>
  );
}
