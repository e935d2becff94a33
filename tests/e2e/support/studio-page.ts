import { expect, type Locator, type Page } from '@playwright/test';

// Page object for the studio shell: locators by data-testid only (studio-ui.md test hooks), never by
// wording or colour.

export const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

export class StudioPage {
  /** Set by a test that provokes CSP violations on purpose, so the fixture's EL-5 check skips them. */
  provokesCspViolations = false;

  constructor(readonly page: Page) {}

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async waitReady(): Promise<void> {
    await expect(this.byTestId('app-root')).toHaveAttribute('data-app-state', 'ready');
  }

  sceneNodes(): Locator {
    return this.page.locator('[data-testid^="scene-node-"]');
  }

  genNodes(): Locator {
    return this.page.locator('[data-testid^="gen-node-"]:not([data-testid^="gen-node-status"]):not([data-testid^="gen-node-validation"]):not([data-testid^="gen-node-thumbnail"])');
  }

  /** Ids of the selected flow nodes, in the document order React Flow renders them. */
  async selectedIds(): Promise<string[]> {
    return this.page.locator('.react-flow__node.selected').evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
  }

  handle(nodeTestId: string, kind: 'source' | 'target'): Locator {
    return this.byTestId(nodeTestId).locator(`.react-flow__handle.${kind}`);
  }

  /** Drags a new edge from one handle to another with the mouse, as a person would. */
  async connect(from: Locator, to: Locator): Promise<void> {
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error('handle not visible');
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Every node's id and position and every edge's ends, as rendered: what "the graph is identical" compares. */
  async graphSnapshot(): Promise<{ nodes: string[]; edges: string[] }> {
    const nodes = await this.page
      .locator('.react-flow__node')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-id')}@${(el as HTMLElement).style.transform}`).sort());
    const edges = await this.page
      .locator('.react-flow__edge')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-id')}:${el.getAttribute('aria-label') ?? ''}`).sort());
    return { nodes, edges };
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `tests/e2e/screenshots/${name}.png` });
  }
}
