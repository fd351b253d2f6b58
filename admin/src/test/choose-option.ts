import { fireEvent, waitFor } from '@testing-library/react';

/** Opens an Ant Design select and picks the option with this text. */
export async function chooseOption(select: HTMLElement, option: string): Promise<void> {
  fireEvent.mouseDown(select.querySelector('.ant-select-content') as HTMLElement);
  const item = await waitFor(() => {
    const found = Array.from(document.querySelectorAll('.ant-select-item-option')).find((element) => element.textContent === option);
    if (!found) throw new Error(`no option ${option}`);
    return found;
  });
  fireEvent.click(item);
}
