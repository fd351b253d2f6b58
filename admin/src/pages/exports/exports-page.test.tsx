import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ExportRow } from '~/types/functions/admin-exports';
import { TEST_TOKEN, callsOf, pageClient, renderSignedIn } from '../../test/mock-client';
import { downloadParts } from './download-export';
import { ExportsPage } from './exports-page';

jest.setTimeout(60_000);

const CREATED = Date.UTC(2026, 5, 1, 2);
const row = (overrides: Partial<ExportRow> = {}): ExportRow => ({
  _id: 'exp-desk-1',
  kind: 'members',
  from: Date.UTC(2026, 4, 31, 16),
  to: Date.UTC(2026, 5, 30, 16),
  requestedBy: 'admin',
  role: 'owner',
  personalData: 'full',
  status: 'running',
  estimate: 12_000,
  rows: 0,
  partCount: 0,
  error: null,
  createdAt: CREATED,
  updatedAt: CREATED,
  finishedAt: null,
  ...overrides,
});

describe('ExportsPage', () => {
  it('starts an export for the chosen range and follows it call by call with a progress bar, then lists it', async () => {
    let continued = 0;
    const { client, call } = pageClient({
      listExports: async () => ({
        items: continued >= 2 ? [row({ status: 'finished', rows: 12_000, partCount: 3 })] : [],
        total: continued >= 2 ? 1 : 0,
        nextCursor: null,
      }),
      startExport: async () => row({ rows: 5_000, partCount: 1 }),
      continueExport: async () => {
        continued += 1;
        return continued === 1 ? row({ rows: 10_000, partCount: 2 }) : row({ status: 'finished', rows: 12_000, partCount: 3 });
      },
    });
    const { container } = renderSignedIn(<ExportsPage />, client);
    expect(await screen.findByText('还没有导出记录')).toBeTruthy();

    fireEvent.click(container.querySelector('button.export-start') as HTMLElement);
    expect(await screen.findByText('请选择日期范围')).toBeTruthy();
    expect(callsOf(call, 'startExport')).toHaveLength(0);

    const [fromInput, toInput] = Array.from(container.querySelectorAll('.export-range input')) as HTMLInputElement[];
    fireEvent.mouseDown(fromInput as HTMLInputElement);
    fireEvent.change(fromInput as HTMLInputElement, { target: { value: '2026-06-01' } });
    fireEvent.keyDown(fromInput as HTMLInputElement, { key: 'Enter', code: 'Enter' });
    fireEvent.change(toInput as HTMLInputElement, { target: { value: '2026-06-30' } });
    fireEvent.keyDown(toInput as HTMLInputElement, { key: 'Enter', code: 'Enter' });
    fireEvent.click(container.querySelector('button.export-start') as HTMLElement);

    await waitFor(() =>
      expect(container.querySelector('.export-progress-text')?.textContent).toBe('导出完成：已写入 12,000 / 约 12,000 行'),
    );
    const [start] = callsOf(call, 'startExport');
    expect(start?.[1]).toMatchObject({
      token: TEST_TOKEN,
      kind: 'members',
      from: Date.UTC(2026, 4, 31, 16),
      to: Date.UTC(2026, 5, 30, 16),
    });
    expect(callsOf(call, 'continueExport')).toHaveLength(2);
    const table = container.querySelector('.exports-table') as HTMLElement;
    expect(await within(table).findByText('2026-06-01 至 2026-06-30')).toBeTruthy();
    expect(within(table).getByText('完整')).toBeTruthy();
    expect(screen.getByText('共 1 条')).toBeTruthy();
  });

  it('joins the parts into one file for the download, in order', async () => {
    const fetched: string[] = [];
    const fetchPart = (async (url: string) => {
      fetched.push(url);
      const text = url.endsWith('1') ? '\uFEFF会员ID\r\na\r\n' : 'b\r\n';
      return { ok: true, status: 200, blob: async () => new Blob([text]) };
    }) as unknown as typeof fetch;
    const created: Blob[] = [];
    const urlApi = URL as unknown as { createObjectURL: (blob: Blob) => string; revokeObjectURL: (url: string) => void };
    urlApi.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:export';
    };
    urlApi.revokeObjectURL = () => undefined;
    await downloadParts(['https://files/part-1', 'https://files/part-2'], 'members.csv', fetchPart);
    expect(fetched).toEqual(['https://files/part-1', 'https://files/part-2']);
    const bytes = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(created[0] as Blob);
    });
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    // The UTF-8 bytes of the two parts, one after the other.
    const utf8 = (text: string) =>
      Array.from(encodeURIComponent(text).match(/%[0-9A-F]{2}|[^%]/g) ?? [], (c) =>
        c.length === 3 ? parseInt(c.slice(1), 16) : c.charCodeAt(0),
      );
    expect(Array.from(bytes)).toEqual(utf8('\uFEFF会员ID\r\na\r\nb\r\n'));
  });
});
