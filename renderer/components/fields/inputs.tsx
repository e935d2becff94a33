import { useState, type KeyboardEvent } from 'react';
import type { ControlProps } from './Field';

// Controls for optional config values: emptying one yields `undefined`, which removes the key (domain.md §0).

type Option = { value: string; label: string };

export function TextInput({ control, value, onChange, placeholder, onFocus }: {
  control: ControlProps;
  value: string | undefined;
  onChange(value: string | undefined): void;
  placeholder?: string;
  onFocus?(): void;
}) {
  return (
    <input
      {...control}
      type="text"
      className="input"
      value={value ?? ''}
      placeholder={placeholder}
      onFocus={onFocus}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  );
}

export function TextArea({ control, value, onChange, rows = 3, placeholder, onFocus }: {
  control: ControlProps;
  value: string | undefined;
  onChange(value: string | undefined): void;
  rows?: number;
  placeholder?: string;
  onFocus?(): void;
}) {
  return (
    <textarea
      {...control}
      className="input textarea"
      rows={rows}
      value={value ?? ''}
      placeholder={placeholder}
      onFocus={onFocus}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  );
}

export function NumberInput({ control, value, onChange, min, max, step }: {
  control: ControlProps;
  value: unknown;
  onChange(value: number | undefined): void;
  min?: number;
  max?: number;
  step?: number;
}) {
  // Keep what the person typed ("1." or "-") until it parses, so typing is never fought.
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (typeof value === 'number' ? String(value) : '');
  return (
    <input
      {...control}
      type="number"
      inputMode="decimal"
      className="input input-number"
      value={shown}
      min={min}
      max={max}
      step={step}
      onBlur={() => setText(null)}
      onChange={(e) => {
        setText(e.target.value);
        const raw = e.target.value.trim();
        if (raw === '') onChange(undefined);
        else if (Number.isFinite(Number(raw))) onChange(Number(raw));
      }}
    />
  );
}

export function SelectInput({ control, value, options, onChange, noneLabel }: {
  control: ControlProps;
  value: unknown;
  options: readonly Option[];
  onChange(value: string | undefined): void;
  /** When given, an empty choice that makes the field absent. */
  noneLabel?: string;
}) {
  const current = typeof value === 'string' ? value : '';
  const known = current === '' || options.some((o) => o.value === current);
  return (
    <select {...control} className="input select" value={current} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
      {noneLabel !== undefined || current === '' ? <option value="">{noneLabel ?? 'Choose…'}</option> : null}
      {!known ? <option value={current}>{current} (unknown)</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function CheckboxInput({ control, checked, onChange }: { control: ControlProps; checked: boolean; onChange(checked: boolean): void }) {
  return <input {...control} type="checkbox" className="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />;
}

/** A list of strings edited as chips: Enter or comma adds, the × removes, Backspace on empty removes the last. */
export function ChipsInput({ control, value, onChange, placeholder }: {
  control: ControlProps;
  value: unknown;
  onChange(value: string[] | undefined): void;
  placeholder?: string;
}) {
  const [text, setText] = useState('');
  const chips = Array.isArray(value) ? value.map(String) : [];
  const commit = () => {
    const next = text.trim();
    if (next === '') return;
    onChange([...chips, next]);
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && text === '' && chips.length > 0) {
      const rest = chips.slice(0, -1);
      onChange(rest.length > 0 ? rest : undefined);
    }
  };
  return (
    <div className="chips">
      {chips.map((chip, i) => (
        <span key={`${chip}-${i}`} className="chip">
          {chip}
          <button
            type="button"
            className="chip-remove"
            aria-label={`Remove ${chip}`}
            onClick={() => {
              const rest = chips.filter((_, j) => j !== i);
              onChange(rest.length > 0 ? rest : undefined);
            }}
          >
            ×
          </button>
        </span>
      ))}
      <input
        {...control}
        type="text"
        className="chips-input"
        value={text}
        placeholder={placeholder ?? 'Type and press Enter'}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
    </div>
  );
}
