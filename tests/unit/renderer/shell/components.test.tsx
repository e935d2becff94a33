// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GenEditor } from '../../../../renderer/components/editor/GenEditor';
import { ProblemsPanel } from '../../../../renderer/components/dock/ProblemsPanel';
import { Field } from '../../../../renderer/components/fields/Field';
import { IssueContext } from '../../../../renderer/components/fields/issue-context';
import { StoresProvider } from '../../../../renderer/stores/context';
import { createStudioStores } from '../../../../renderer/stores/create-stores';
import { createFakeRpc, emptyDocument } from './fake-rpc';

afterEach(cleanup);

function studioWithNode() {
  const stores = createStudioStores(createFakeRpc().rpc);
  stores.graph.getState().load(emptyDocument(), null);
  const id = stores.graph.getState().addGenerationNode('transition', { x: 0, y: 0 })!;
  const node = () => stores.graph.getState().document!.generationNodes.find((n) => n.id === id)!;
  return { stores, id, node };
}

describe('field issues', () => {
  it('links an issue to its control with aria-describedby and aria-invalid', () => {
    const issues = new Map([['duration.min', [{ rule: 'V30', message: 'Duration min (10s) cannot be greater than max (2s)', path: 'duration.min', severity: 'error' as const }]]]);
    render(
      <IssueContext.Provider value={issues}>
        <Field path="duration.min" label="Min">
          {(c) => <input {...c} />}
        </Field>
      </IssueContext.Provider>,
    );
    const input = screen.getByTestId('field-duration.min');
    const issue = screen.getByTestId('field-issue-duration.min');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(issue.id);
    expect(issue.textContent).toContain('V30');
    expect(screen.getByLabelText('Min')).toBe(input);
  });
});

describe('generation node editor', () => {
  it('shows a rule under its field after the debounce and refuses Apply with the toast', async () => {
    const { stores, node } = studioWithNode();
    render(
      <StoresProvider stores={stores}>
        <GenEditor node={node()} />
      </StoresProvider>,
    );
    fireEvent.change(screen.getByTestId('field-duration.min'), { target: { value: '10' } });
    fireEvent.change(screen.getByTestId('field-duration.max'), { target: { value: '2' } });
    const issue = await screen.findByTestId('field-issue-duration.min');
    expect(issue.textContent).toContain('Duration min (10s) cannot be greater than max (2s)');
    expect(screen.getByTestId('gen-editor-status').getAttribute('data-validation')).toBe('error');
    const apply = screen.getByTestId('gen-editor-apply');
    expect(apply.getAttribute('aria-disabled')).toBe('true');
    act(() => apply.click());
    expect(stores.ui.getState().toasts.at(-1)?.message).toBe('Validation failed: Duration min (10s) cannot be greater than max (2s)');
    expect(node().config['duration']).toEqual({});
  });

  it('disables Apply while the draft equals the document', () => {
    const { stores, node } = studioWithNode();
    render(
      <StoresProvider stores={stores}>
        <GenEditor node={node()} />
      </StoresProvider>,
    );
    expect((screen.getByTestId('gen-editor-apply') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('field-purpose'), { target: { value: 'variation' } });
    expect((screen.getByTestId('gen-editor-apply') as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByTestId('gen-editor-bump-notice').textContent).toContain('version 1 → 2');
  });
});

describe('problems panel', () => {
  it('renders one row per issue with rule, severity and node, and activating a row requests the field', () => {
    const { stores, id } = studioWithNode();
    stores.graph.getState().applyNodeEdit(id, { config: { generationType: 'transition', purpose: 'gap_fill', strategy: 'always', enabled: true, fallback: { mode: 'skip' } } });
    stores.problems.getState().recompute();
    render(
      <StoresProvider stores={stores}>
        <ProblemsPanel />
      </StoresProvider>,
    );
    const rows = screen.getAllByTestId('problem-row');
    expect(rows.length).toBe(stores.problems.getState().rows.length);
    const v48 = rows.find((r) => r.getAttribute('data-rule') === 'V48')!;
    expect(v48.getAttribute('data-severity')).toBe('warning');
    expect(v48.getAttribute('data-node')).toBe(id);
    expect(screen.getByTestId('problems-count-warning').textContent).toContain(String(stores.problems.getState().counts.warning));
    act(() => v48.click());
    expect(stores.selection.getState().nodeIds).toEqual([id]);
    expect(stores.selection.getState().focusRequest).toMatchObject({ nodeId: id, path: 'strategy' });
    fireEvent.change(screen.getByTestId('problems-filter'), { target: { value: 'suggestion' } });
    for (const row of screen.queryAllByTestId('problem-row')) expect(row.getAttribute('data-severity')).toBe('suggestion');
  });
});
