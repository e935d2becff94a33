import type { Page } from 'playwright-core';

// In-page timing for row 8. An init script wraps the page's WebSocket so that, before the RPC client's own
// handler, every `generations.onDidChangeStatus` frame to `completed` is stamped with performance.now().
// A waiter then watches one node's status badge; when it shows `completed` after such a frame arrived, it
// takes the next animation frame and the first task after it (the frame has been produced by then) as the
// repaint. The floor, one animation frame, is the median interval between consecutive rAF callbacks.
// Page code is kept as strings (see paint-probe.ts).

export const ARRIVAL_HOOK = `(() => {
  const Native = window.WebSocket;
  window.__benchArrivals = [];
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const data = event.data;
        if (typeof data === 'string' && data.indexOf('generations.onDidChangeStatus') >= 0 && data.indexOf('"to":"completed"') >= 0) {
          window.__benchArrivals.push(performance.now());
        }
      });
    }
  };
})();`;

const ARM_WAITER = `(nodeId) => {
  const since = performance.now();
  window.__benchPending = new Promise((resolve, reject) => {
    const root = document.querySelector('[data-testid="gen-node-' + nodeId + '"]');
    if (root === null) return reject(new Error('no node ' + nodeId + ' on the canvas'));
    const check = () => {
      const badge = root.querySelector('[data-testid="gen-node-status"]');
      const arrivals = window.__benchArrivals.filter((t) => t >= since);
      if (badge === null || badge.getAttribute('data-status') !== 'completed' || arrivals.length === 0) return;
      observer.disconnect();
      const arrival = arrivals[arrivals.length - 1];
      requestAnimationFrame(() => setTimeout(() => resolve({ arrival, painted: performance.now() })));
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { attributes: true, childList: true, subtree: true, characterData: true });
  });
}`;

const FRAME_INTERVAL = `(count) => new Promise((resolve) => {
  const stamps = [];
  const tick = (at) => {
    stamps.push(at);
    if (stamps.length > count) {
      const gaps = stamps.slice(1).map((t, i) => t - stamps[i]).sort((a, b) => a - b);
      resolve(gaps[Math.floor((gaps.length - 1) / 2)]);
    } else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

export async function installArrivalHook(page: Page): Promise<void> {
  await page.addInitScript({ content: ARRIVAL_HOOK });
}

export async function armBadgeWaiter(page: Page, nodeId: string): Promise<void> {
  await page.evaluate(`(${ARM_WAITER})(${JSON.stringify(nodeId)})`);
}

/** Milliseconds from the status frame's arrival to the frame that shows the new badge. */
export async function badgeRepaintMs(page: Page, timeoutMs = 10_000): Promise<number> {
  const result = (await page.evaluate(
    `Promise.race([window.__benchPending, new Promise((_, reject) => setTimeout(() => reject(new Error('badge did not repaint within ${timeoutMs} ms')), ${timeoutMs}))])`,
  )) as { arrival: number; painted: number };
  return result.painted - result.arrival;
}

export async function frameIntervalMs(page: Page, frames = 60): Promise<number> {
  return (await page.evaluate(`(${FRAME_INTERVAL})(${frames})`)) as number;
}
