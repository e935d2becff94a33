import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { StoresProvider } from '../../../../renderer/stores/context';
import type { StudioStores } from '../../../../renderer/stores/create-stores';

export function renderWithStudio(ui: ReactElement, studio: StudioStores) {
  return render(<StoresProvider stores={studio}>{ui}</StoresProvider>);
}
