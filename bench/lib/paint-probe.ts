import type { Page } from 'playwright-core';

// In-page timing for the browser rows. The start is taken in the page (performance.now) right before the
// triggering action runs, and the end is the first animation frame in which the graph is painted and
// settled: at least one node, every rendered node visible, and neither the rendered nodes nor the viewport
// transform changed by the next frame (a fit-view lands one frame after the first paint). The time reported
// is that first frame's, so the one-frame stability check is not counted.
//
// A frame's time is read with performance.now() once its rendering (style, layout, paint) has run — in a
// task posted from its rAF callback — never from the rAF timestamp argument: Chromium stamps a frame with
// the time it was scheduled, so a frame delayed by a long task (parsing the document, React's commit) would
// carry a time from before that task, and the work being measured would not be counted.
//
// The page code is a plain string: tsx compiles functions with a `__name` helper that does not exist in
// the page, so a serialized TypeScript function would fail there.

export type PaintResult = { ms: number; nodes: number; transform: string };

/** Either click the element matching `clickSelector`, or call `window[callName](callArg)`. */
export type Trigger = { clickSelector: string } | { callName: string; callArg: string };

const PAINT_PROBE = `(args) => new Promise((resolve, reject) => {
  let previous = null;
  const start = performance.now();
  const deadline = start + args.timeoutMs;
  const frame = () => {
    const nodes = document.querySelectorAll('.react-flow__node');
    const viewport = document.querySelector('.react-flow__viewport');
    const transform = viewport ? viewport.style.transform : '';
    let painted = nodes.length > 0;
    for (const n of nodes) if (n.style.visibility === 'hidden') painted = false;
    const key = painted ? nodes.length + '|' + transform : '';
    if (painted && previous !== null && previous.key === key) return resolve({ ms: (previous.at ?? performance.now()) - start, nodes: nodes.length, transform });
    previous = painted ? { at: undefined, key } : null;
    if (previous !== null) {
      const shown = previous;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { shown.at = performance.now(); };
      channel.port2.postMessage(null);
    }
    if (performance.now() > deadline) return reject(new Error('graph not painted within ' + args.timeoutMs + ' ms (' + nodes.length + ' nodes, ' + transform + ')'));
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  if (args.trigger.clickSelector !== undefined) {
    const target = document.querySelector(args.trigger.clickSelector);
    if (target === null) return reject(new Error('nothing matches ' + args.trigger.clickSelector));
    target.click();
  } else {
    const fn = window[args.trigger.callName];
    if (typeof fn !== 'function') return reject(new Error('window.' + args.trigger.callName + ' is not a function'));
    fn(args.trigger.callArg).catch(reject);
  }
})`;

/** `translate(Xpx, Ypx) scale(Z)` → the React Flow viewport it shows. */
export function viewportOf(transform: string): { x: number; y: number; zoom: number } {
  const match = /translate\((-?[\d.e+-]+)px, (-?[\d.e+-]+)px\) scale\(([\d.e+-]+)\)/.exec(transform);
  if (match === null) throw new Error(`unexpected viewport transform '${transform}'`);
  return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}

export async function timeGraphPaint(page: Page, trigger: Trigger, timeoutMs = 60_000): Promise<PaintResult> {
  return (await page.evaluate(`(${PAINT_PROBE})(${JSON.stringify({ trigger, timeoutMs })})`)) as PaintResult;
}
