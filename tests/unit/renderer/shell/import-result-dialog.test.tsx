// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../core/rpc/studio-shapes';
import { DialogHost } from '../../../../renderer/components/dialogs/DialogHost';
import { StoresProvider } from '../../../../renderer/stores/context';
import { createStudioStores } from '../../../../renderer/stores/create-stores';
import { createFakeRpc, emptyDocument } from './fake-rpc';

// studio-ui.md §10: the import report is a labelled dialog listing what was added, renamed and kept; Escape closes it.

afterEach(cleanup);

const REPORT: ImportReport = {
  imported: { nodes: ['gen-a', 'gen-x1'], promptFamilies: [], promptVersions: ['pv-1'], assets: [] },
  conflicts: [
    { kind: 'node', id: 'gen-b', resolution: 'renamed', newId: 'gen-x1', message: "Node 'gen-b' already exists; imported as 'gen-x1'." },
    { kind: 'promptVersion', id: 'pv-2', resolution: 'kept-existing', message: "Prompt version 'pv-2' differs from the existing one; the existing one was kept." },
  ],
};

describe('the import result dialog', () => {
  it('lists added nodes, renamed ids and kept conflicts, and closes on Escape', async () => {
    const stores = createStudioStores(createFakeRpc().rpc);
    stores.graph.getState().load(emptyDocument(), '/p/a.genweave.json');
    render(
      <StoresProvider stores={stores}>
        <DialogHost />
      </StoresProvider>,
    );
    let closed = false;
    act(() => {
      void stores.ui.getState().showImportResult('/src/other.genweave.json', REPORT).then(() => {
        closed = true;
      });
    });

    const dialog = screen.getByRole('dialog', { name: 'Import finished' });
    expect(dialog.getAttribute('data-testid')).toBe('import-result');
    expect(screen.getByTestId('import-added-nodes').querySelectorAll('li')).toHaveLength(2);
    expect(screen.getByTestId('import-renamed-gen-b').textContent).toContain('gen-x1');
    expect(screen.getByTestId('import-conflict-pv-2').getAttribute('data-kind')).toBe('promptVersion');
    expect(screen.getByTestId('import-conflict-pv-2').textContent).toBe(REPORT.conflicts[1]!.message);
    expect(document.activeElement).toBe(screen.getByTestId('import-result-close'));

    fireEvent.keyDown(dialog, { key: 'Escape' });
    await act(async () => undefined);
    expect(screen.queryByTestId('import-result')).toBeNull();
    expect(closed).toBe(true);
  });
});
