import { useEffect, useState, type InputHTMLAttributes } from 'react';

/**
 * A number field that lets the user pass through invalid text ("", "-") while typing: the text is local, and
 * `onValue` fires only with finite numbers. The field shows the committed value again when it loses focus.
 */
export function NumberInput(
  props: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & { value: number; onValue(value: number): void },
) {
  const { value, onValue, onBlur, ...rest } = props;
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText((current) => (Number(current) === value && current.trim() !== '' ? current : String(value)));
  }, [value]);
  const invalid = text.trim() === '' || !Number.isFinite(Number(text));
  return (
    <input
      {...rest}
      type="number"
      value={text}
      aria-invalid={invalid || rest['aria-invalid'] === true ? true : undefined}
      onChange={(event) => {
        setText(event.target.value);
        const n = Number(event.target.value);
        if (event.target.value.trim() !== '' && Number.isFinite(n)) onValue(n);
      }}
      onBlur={(event) => {
        setText(String(value));
        onBlur?.(event);
      }}
    />
  );
}
