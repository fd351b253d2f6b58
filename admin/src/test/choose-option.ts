import { fireEvent, waitFor } from '@testing-library/react';

/** Opens an Ant Design select, types `typed` into its search if given, and picks the option with this text. */
export async function chooseOption(select: HTMLElement, option: string, typed?: string): Promise<void> {
  fireEvent.mouseDown(select.querySelector('.ant-select-content') as HTMLElement);
  if (typed !== undefined) fireEvent.change(select.querySelector('input') as HTMLInputElement, { target: { value: typed } });
  const item = await waitFor(() => {
    const found = Array.from(document.querySelectorAll('.ant-select-item-option')).find((element) => element.textContent === option);
    if (!found) throw new Error(`no option ${option}`);
    return found;
  });
  fireEvent.click(item);
}
