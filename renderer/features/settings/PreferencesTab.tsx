import { useState } from 'react';
import { CONTENT_RATINGS, type ContentRating } from '../../../core/domain/vocabulary';
import { THEMES } from '../../../core/rpc/settings';
import { CONTENT_RATING_LABELS } from '../../lib/labels';
import { useSessionStore } from '../../stores/context';
import { NumberInput } from '../shared/NumberInput';
import { useSettingsDialogApi } from './use-settings-dialog';

/** Each change is sent at once; the host validates and answers the merged settings (rpc.md §4). */
export function PreferencesTab() {
  const api = useSettingsDialogApi();
  const settings = useSessionStore((s) => s.settings);
  const update = api.getState().update;
  const autosaveOk = (v: number) => v === 0 || (Number.isInteger(v) && v >= 5 && v <= 600);
  const [autosaveIssue, setAutosaveIssue] = useState<string | null>(null);
  return (
    <div className="fx-stack">
      <fieldset className="fx-card">
        <legend>Content preferences</legend>
        <label className="fx-field">
          <span>Maximum content rating (your cap)</span>
          <select data-testid="settings-max-rating" value={settings.user.maxContentRating} onChange={(e) => void update({ user: { maxContentRating: e.target.value as ContentRating } })}>
            {CONTENT_RATINGS.map((r) => (
              <option key={r} value={r}>
                {CONTENT_RATING_LABELS[r]}
              </option>
            ))}
          </select>
          <small className="muted">Applied on top of each project&apos;s world cap; the stricter one wins.</small>
        </label>
        <label className="fx-check">
          <input
            type="checkbox"
            data-testid="settings-reduce-intensity"
            checked={settings.user.reduceRomanticIntensity}
            onChange={(e) => void update({ user: { reduceRomanticIntensity: e.target.checked } })}
          />
          <span>Reduce romantic intensity (one step lower band and rating for derived contexts)</span>
        </label>
        <label className="fx-check">
          <input
            type="checkbox"
            data-testid="settings-confirm-mature"
            checked={settings.user.requireMatureContentConfirmation}
            onChange={(e) => void update({ user: { requireMatureContentConfirmation: e.target.checked } })}
          />
          <span>Ask before generating mature content</span>
        </label>
      </fieldset>
      <fieldset className="fx-card">
        <legend>Studio</legend>
        <label className="fx-field">
          <span>Autosave interval (seconds; 0 turns recovery snapshots off, else 5–600)</span>
          <NumberInput
            data-testid="settings-autosave"
            min={0}
            max={600}
            step={5}
            value={settings.autosaveIntervalSec}
            aria-invalid={autosaveIssue !== null}
            aria-describedby={autosaveIssue ? 'settings-autosave-issue' : undefined}
            onValue={(v) => {
              setAutosaveIssue(autosaveOk(v) ? null : 'Use 0 (off) or a whole number of seconds from 5 to 600.');
              if (autosaveOk(v)) void update({ autosaveIntervalSec: v });
            }}
          />
          {autosaveIssue ? (
            <small className="fx-inline-issues" id="settings-autosave-issue" role="alert">
              {autosaveIssue}
            </small>
          ) : null}
        </label>
        <label className="fx-field">
          <span>Theme</span>
          <select data-testid="settings-theme" value={settings.theme} onChange={(e) => void update({ theme: e.target.value as (typeof THEMES)[number] })}>
            {THEMES.map((t) => (
              <option key={t} value={t}>
                {t === 'system' ? 'Follow the system' : t === 'light' ? 'Light' : 'Dark'}
              </option>
            ))}
          </select>
        </label>
        <label className="fx-field">
          <span>Latency warning threshold (p95, ms)</span>
          <NumberInput
            data-testid="settings-latency-threshold"
            min={1}
            step={1000}
            value={settings.health.p95WarnMs}
            onValue={(v) => {
              if (Number.isInteger(v) && v >= 1) void update({ health: { p95WarnMs: v } });
            }}
          />
        </label>
      </fieldset>
    </div>
  );
}
