import { act, fireEvent } from '@testing-library/react';

/** Types into a Taro H5 input or textarea: it reports typing as an `input` event carrying the value in `detail`. */
export async function typeInto(element: Element | null, value: string): Promise<void> {
  if (!element) throw new Error('no field to type into');
  await act(async () => {
    fireEvent(element, new CustomEvent('input', { detail: { value }, bubbles: true }));
  });
}

/** Taps an element and lets what it starts settle. */
export async function tap(element: Element | null): Promise<void> {
  if (!element) throw new Error('nothing to tap');
  await act(async () => {
    fireEvent.click(element);
  });
}
