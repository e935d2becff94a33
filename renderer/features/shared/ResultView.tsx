import type { GenerationResult } from '../../../core/domain/generation';
import { mediaUrl } from '../generations/detail-logic';

// rpc.md §5: results are shown through <img>, <video>, <audio> or a text node, never injected as markup, so an
// SVG or a string from a provider cannot run script.

export type Transport = 'electron' | 'browser' | 'in-process';

export function ResultView(props: { result: GenerationResult | null; transport: Transport; testId?: string }) {
  const { result } = props;
  if (result === null) {
    return (
      <div className="fx-result muted" data-testid={props.testId} data-kind="none">
        No result
      </div>
    );
  }
  if (result.origin === 'fallback') {
    if (result.kind === 'placeholder') {
      return (
        <figure className="fx-result" data-testid={props.testId} data-kind="placeholder">
          <img src={mediaUrl(result.mediaSha256, props.transport)} alt="Fallback placeholder" />
          <figcaption>Fallback: placeholder</figcaption>
        </figure>
      );
    }
    return (
      <div className="fx-result" data-testid={props.testId} data-kind={result.kind}>
        Fallback: {result.kind === 'asset' ? `default content ${result.assetId}` : `skip to ${result.toSceneId ?? 'the next scene'}`}
      </div>
    );
  }
  if (result.kind === 'text') {
    return (
      <pre className="fx-result fx-result-text" data-testid={props.testId} data-kind="text">
        {result.text ?? ''}
      </pre>
    );
  }
  if (!result.mediaSha256) {
    return (
      <div className="fx-result muted" data-testid={props.testId} data-kind={result.kind}>
        {result.kind} result without stored media
      </div>
    );
  }
  const src = mediaUrl(result.mediaSha256, props.transport);
  return (
    <figure className="fx-result" data-testid={props.testId} data-kind={result.kind}>
      {result.kind === 'image' ? <img src={src} alt="Generated image" /> : null}
      {result.kind === 'video' ? <video src={src} controls aria-label="Generated video" /> : null}
      {result.kind === 'audio' ? <audio src={src} controls aria-label="Generated audio" /> : null}
      <figcaption>
        {result.mediaType}
        {result.width && result.height ? ` · ${result.width}×${result.height}` : ''}
        {result.durationSec ? ` · ${result.durationSec.toFixed(1)} s` : ''}
      </figcaption>
    </figure>
  );
}
