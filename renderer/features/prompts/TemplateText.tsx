import { templateSegments } from './catalog-ops';

/** The template with placeholders highlighted; rendered as text nodes only (no markup from the document). */
export function TemplateText(props: { text: string; testId?: string }) {
  return (
    <pre className="fx-pre fx-template" data-testid={props.testId}>
      {templateSegments(props.text).map((segment, i) =>
        segment.placeholder === null ? (
          <span key={i}>{segment.text}</span>
        ) : (
          <mark key={i} className="fx-placeholder" data-placeholder={segment.placeholder}>
            {segment.text}
          </mark>
        ),
      )}
    </pre>
  );
}
