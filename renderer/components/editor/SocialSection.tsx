import { DEFAULT_RELATIONSHIP_SCHEMA } from '../../../core/domain/relationship-schema';
import { CONTENT_RATINGS, type ContentRating } from '../../../core/domain/vocabulary';
import { CONTENT_RATING_LABELS } from '../../lib/labels';
import { useStudio } from '../../stores/context';
import { Field } from '../fields/Field';
import { SelectInput } from '../fields/inputs';
import { Section } from './Section';
import { asRecord, optionsOf, type SectionProps } from './section-props';

export function SocialSection({ doc, draft, set }: SectionProps) {
  const { ui } = useStudio();
  const social = asRecord(draft.config['socialContext']);
  const npcIds = Array.isArray(social['npcIds']) ? (social['npcIds'] as unknown[]).filter((v): v is number => typeof v === 'number') : [];
  const schema = doc.world.settings.relationshipSchema ?? DEFAULT_RELATIONSHIP_SCHEMA;

  const setRating = async (value: string | undefined) => {
    if (value === 'restricted') {
      const ok = await ui.getState().askConfirm({
        title: 'Allow restricted content?',
        message: 'A "restricted" override asks for the most permissive rating. Generations are still clamped to the world and user caps.',
        confirmLabel: 'Allow restricted',
      });
      if (!ok) return;
    }
    set('socialContext.contentRating', value);
  };

  const toggleNpc = (id: number, on: boolean) => {
    const next = on ? [...npcIds, id] : npcIds.filter((n) => n !== id);
    set('socialContext.npcIds', next.length > 0 ? next : undefined);
  };

  return (
    <Section title="Social" issuePath="socialContext">
      <Field path="socialContext.npcIds" label="NPCs involved">
        {(c) =>
          doc.npcs.length === 0 ? (
            <p className="muted" id={c.id} data-testid={c['data-testid']} tabIndex={-1}>
              This project has no NPCs yet.
            </p>
          ) : (
            <div className="check-list" id={c.id} data-testid={c['data-testid']} role="group" aria-describedby={c['aria-describedby']} tabIndex={-1}>
              {doc.npcs.map((npc) => (
                <label key={npc.id} className="check-item">
                  <input type="checkbox" checked={npcIds.includes(npc.id)} onChange={(e) => toggleNpc(npc.id, e.target.checked)} />
                  {npc.name} <span className="muted">#{npc.id}</span>
                </label>
              ))}
            </div>
          )
        }
      </Field>
      <Field path="socialContext.contentRating" label="Content rating override" hint="Clamped by the world and user caps at creation">
        {(c) => (
          <SelectInput
            control={c}
            value={social['contentRating']}
            noneLabel="None"
            options={optionsOf(CONTENT_RATINGS as readonly ContentRating[], CONTENT_RATING_LABELS)}
            onChange={(v) => void setRating(v)}
          />
        )}
      </Field>
      <details className="advanced">
        <summary>Advanced pins</summary>
        <Field path="socialContext.relationshipTierId" label="Relationship tier">
          {(c) => (
            <SelectInput
              control={c}
              value={social['relationshipTierId']}
              noneLabel="Derived from values"
              options={schema.tiers.map((t) => ({ value: t.id, label: t.label ?? t.id }))}
              onChange={(v) => set('socialContext.relationshipTierId', v)}
            />
          )}
        </Field>
        <Field path="socialContext.intimacyLevelId" label="Intimacy level">
          {(c) => (
            <SelectInput
              control={c}
              value={social['intimacyLevelId']}
              noneLabel="Derived from values"
              options={schema.levels.map((l) => ({ value: l.id, label: `${l.label ?? l.id} (${l.band})` }))}
              onChange={(v) => set('socialContext.intimacyLevelId', v)}
            />
          )}
        </Field>
      </details>
    </Section>
  );
}
