import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AdminProviders } from '../theme/admin-providers';

/** Renders a component inside the same locale and theme providers as the real page. */
export function renderWithProviders(element: ReactElement): RenderResult {
  return render(<AdminProviders>{element}</AdminProviders>);
}
