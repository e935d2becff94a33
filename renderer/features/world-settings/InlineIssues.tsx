/** Issues shown under the field they belong to; `role="alert"` so a new one is announced. */
export function InlineIssues(props: { messages: readonly string[]; id?: string }) {
  if (props.messages.length === 0) return null;
  return (
    <ul className="fx-inline-issues" id={props.id} role="alert">
      {props.messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}
