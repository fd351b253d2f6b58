import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SegmentPreview, SegmentView } from '~/types/functions/marketing-segments';
import type { SegmentRule } from '~/types/marketing';
import { chooseOption } from '../../test/choose-option';
import { TEST_TOKEN, callsOf, pageClient, renderSignedIn } from '../../test/mock-client';
import type { MockCall } from '../../test/mock-client';
import { SegmentsPage } from './segments-page';

jest.setTimeout(60_000);

const AT = Date.UTC(2026, 11, 7, 2);
const preview = (count: number): SegmentPreview => ({
  count,
  sample: [
    {
      memberId: 'm1',
      memberNo: '1000000001',
      nickname: '小林',
      tierId: 'gold',
      stage: 'active',
      ageBand: '25-29',
      rfm: { r: 5, f: 4, m: 3 },
      lastPurchaseAt: AT,
    },
  ],
  refreshedDay: '2026-12-07',
  countedAt: AT,
});
const segment = (rule: SegmentRule, overrides: Partial<SegmentView> = {}): SegmentView => ({
  _id: 'seg-desk-0001',
  name: '高价值',
  description: '金卡近 30 天消费',
  rule,
  lastCount: 1234,
  countedAt: AT,
  status: 'active',
  createdBy: 'admin',
  createdAt: AT,
  updatedAt: AT,
  ...overrides,
});

const LISTS = {
  listTiers: async () => ({
    items: [
      { tierId: 'normal', name: '普通', rank: 0 },
      { tierId: 'gold', name: '金卡', rank: 2 },
    ],
  }),
  listStores: async () => ({ items: [] }),
  listCategories: async () => ({ items: [] }),
  listTagDefinitions: async () => ({ tags: [] }),
};

const tagDef = (tagId: string, name: string, values: string[], status: 'active' | 'archived' = 'active') => ({
  _id: tagId,
  name,
  values,
  staffCanSet: false,
  status,
  counts: {},
  createdAt: AT,
  updatedAt: AT,
});

/** The editor's 保存 button. */
const saveButton = () => document.querySelector('.ant-modal-footer .ant-btn-primary') as HTMLElement;

/** The rule of the latest live count asked for. */
const lastPreviewRule = (call: MockCall) => (callsOf(call, 'previewSegment').at(-1)?.[1] as { rule?: SegmentRule } | undefined)?.rule;

describe('SegmentsPage', () => {
  it('builds a rule from the inputs, shows its live count as it changes, and saves exactly that rule', async () => {
    let counted = 0;
    const { client, call } = pageClient({
      ...LISTS,
      listSegments: async () => ({ items: [] }),
      previewSegment: async () => preview((counted += 1) === 1 ? 5000 : 321),
      saveSegment: async (_action, payload) => segment((payload as { rule: SegmentRule }).rule, { lastCount: null, countedAt: null }),
    });
    const { container } = renderSignedIn(<SegmentsPage />, client);
    expect(await screen.findByText('还没有分群')).toBeTruthy();

    fireEvent.click(container.querySelector('button.segment-create-button') as HTMLElement);
    // An empty rule: everyone with a profile, counted at once.
    await waitFor(() => expect(lastPreviewRule(call)).toEqual({ join: 'and', groups: [] }));
    const editor = document.querySelector('.segment-editor') as HTMLElement;
    await waitFor(() => expect(editor.querySelector('.segment-live-count')?.textContent).toContain('5,000'));
    expect(within(editor).getByText(/画像更新于 2026-12-07/)).toBeTruthy();

    fireEvent.click(editor.querySelector('button.group-add') as HTMLElement);
    await chooseOption(editor.querySelector('.condition-values') as HTMLElement, '金卡');
    fireEvent.click(editor.querySelector('button.condition-add') as HTMLElement);
    const second = editor.querySelectorAll('.condition-row')[1] as HTMLElement;
    await chooseOption(second.querySelector('.condition-type') as HTMLElement, '近 30 天消费', '近 30');
    const min = second.querySelector('.condition-min input') as HTMLInputElement;
    fireEvent.change(min, { target: { value: '100.5' } });
    fireEvent.blur(min);

    const expected: SegmentRule = {
      join: 'and',
      groups: [
        {
          join: 'and',
          conditions: [
            { kind: 'list', field: 'tierId', values: ['gold'] },
            { kind: 'range', field: 'spend30Fen', min: 10_050 },
          ],
        },
      ],
    };
    await waitFor(() => expect(lastPreviewRule(call)).toEqual(expected));
    await waitFor(() => expect(editor.querySelector('.segment-live-count')?.textContent).toContain('321'));
    expect(within(editor).getByText('小林')).toBeTruthy();
    // Typing in several steps asks once the rule settles, not per keystroke.
    expect(callsOf(call, 'previewSegment').length).toBeLessThanOrEqual(4);

    fireEvent.change(editor.querySelector('input#name') as HTMLInputElement, { target: { value: '高价值' } });
    fireEvent.click(saveButton());
    await waitFor(() => expect(callsOf(call, 'saveSegment')).toHaveLength(1));
    const [, payload] = callsOf(call, 'saveSegment')[0] as [string, Record<string, unknown>];
    expect(payload).toMatchObject({ token: TEST_TOKEN, name: '高价值', description: '', rule: expected });
    expect(payload.segmentId).toBeUndefined();
    expect(String(payload.requestKey)).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('picks a special tag by name and its values from the definitions, archived tags not offered', async () => {
    const { client, call } = pageClient({
      ...LISTS,
      listTagDefinitions: async () => ({
        tags: [tagDef('skin', '肤质', ['干性', '油性', '混合']), tagDef('old', '旧标签', ['a'], 'archived')],
      }),
      listSegments: async () => ({ items: [] }),
      previewSegment: async () => preview(12),
    });
    const { container } = renderSignedIn(<SegmentsPage />, client);
    expect(await screen.findByText('还没有分群')).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'listTagDefinitions')).toHaveLength(1));
    expect(callsOf(call, 'listTagDefinitions')[0]?.[1]).toMatchObject({ includeArchived: true });
    fireEvent.click(container.querySelector('button.segment-create-button') as HTMLElement);
    const editor = (await waitFor(() => document.querySelector('.segment-editor'))) as HTMLElement;
    fireEvent.click(editor.querySelector('button.group-add') as HTMLElement);
    const row = editor.querySelector('.condition-row') as HTMLElement;
    await chooseOption(row.querySelector('.condition-type') as HTMLElement, '特殊标签', '特殊');
    // Values wait for a tag; archived tags are not offered for a new condition.
    expect(row.querySelector('.condition-values.ant-select-disabled')).toBeTruthy();
    fireEvent.mouseDown(row.querySelector('.condition-tag .ant-select-content') as HTMLElement);
    await waitFor(() => expect(document.body.textContent).toContain('肤质'));
    expect(Array.from(document.querySelectorAll('.ant-select-item-option')).map((o) => o.textContent)).not.toContain('旧标签（已归档）');
    await chooseOption(row.querySelector('.condition-tag') as HTMLElement, '肤质');
    await chooseOption(row.querySelector('.condition-values') as HTMLElement, '油性');
    await chooseOption(row.querySelector('.condition-values') as HTMLElement, '混合');
    await waitFor(() =>
      expect(lastPreviewRule(call)).toEqual({
        join: 'and',
        groups: [{ join: 'and', conditions: [{ kind: 'special', tagId: 'skin', values: ['油性', '混合'] }] }],
      }),
    );
  });

  it('shows a saved special-tag condition by the tag name, and a hint when no tags are defined', async () => {
    const rule: SegmentRule = {
      join: 'and',
      groups: [{ join: 'and', conditions: [{ kind: 'special', tagId: 'old', values: ['a'] }] }],
    };
    const { client } = pageClient({
      ...LISTS,
      listTagDefinitions: async () => ({ tags: [tagDef('old', '旧标签', ['a'], 'archived')] }),
      listSegments: async () => ({ items: [segment(rule)] }),
      previewSegment: async () => preview(3),
    });
    const first = renderSignedIn(<SegmentsPage />, client);
    const table = (await waitFor(() => first.container.querySelector('.segments-table'))) as HTMLElement;
    expect(await within(table).findByText('1,234 人')).toBeTruthy();
    fireEvent.click(first.container.querySelector('button.segment-edit') as HTMLElement);
    const editor = (await waitFor(() => document.querySelector('.segment-editor'))) as HTMLElement;
    await waitFor(() => expect(editor.querySelector('.condition-tag')?.textContent).toContain('旧标签（已归档）'));
    expect(editor.querySelector('.condition-values')?.textContent).toContain('a');
    first.unmount();

    // A new special condition with no definitions: a hint instead of empty selects.
    const empty = pageClient({ ...LISTS, listSegments: async () => ({ items: [] }), previewSegment: async () => preview(0) });
    const { container } = renderSignedIn(<SegmentsPage />, empty.client);
    expect(await screen.findByText('还没有分群')).toBeTruthy();
    fireEvent.click(container.querySelector('button.segment-create-button') as HTMLElement);
    const fresh = (await waitFor(() => document.querySelector('.segment-editor'))) as HTMLElement;
    fireEvent.click(fresh.querySelector('button.group-add') as HTMLElement);
    await chooseOption(fresh.querySelector('.condition-type') as HTMLElement, '特殊标签', '特殊');
    expect(await within(fresh).findByText('还没有特殊标签，请先在「标签」页创建')).toBeTruthy();
  });

  it('lists segments with their last count, edits one keeping its rule, and recounts it', async () => {
    const rule: SegmentRule = {
      join: 'or',
      groups: [
        { join: 'or', conditions: [{ kind: 'range', field: 'lastPurchaseDays', min: 90 }] },
        {
          join: 'and',
          conditions: [
            { kind: 'birthdayMonth', months: [12] },
            { kind: 'flag', field: 'marketing', value: true },
          ],
        },
      ],
    };
    const { client, call } = pageClient({
      ...LISTS,
      listSegments: async () => ({ items: [segment(rule)] }),
      previewSegment: async () => preview(77),
      saveSegment: async () => segment(rule),
      countSegment: async () => segment(rule, { lastCount: 99 }),
    });
    const { container } = renderSignedIn(<SegmentsPage />, client);
    const table = (await waitFor(() => container.querySelector('.segments-table'))) as HTMLElement;
    expect(await within(table).findByText('1,234 人')).toBeTruthy();

    fireEvent.click(within(table).getByRole('button', { name: '重新统计' }));
    await waitFor(() => expect(callsOf(call, 'countSegment')[0]?.[1]).toEqual({ token: TEST_TOKEN, segmentId: 'seg-desk-0001' }));

    fireEvent.click(container.querySelector('button.segment-edit') as HTMLElement);
    await waitFor(() => expect(lastPreviewRule(call)).toEqual(rule));
    const editor = document.querySelector('.segment-editor') as HTMLElement;
    await waitFor(() => expect(editor.querySelector('.segment-live-count')?.textContent).toContain('77'));
    fireEvent.click(saveButton());
    await waitFor(() => expect(callsOf(call, 'saveSegment')).toHaveLength(1));
    expect(callsOf(call, 'saveSegment')[0]?.[1]).toMatchObject({ segmentId: 'seg-desk-0001', name: '高价值', rule });
  });

  it('lets an analyst try rules without saving or archiving', async () => {
    const { client, call } = pageClient({ ...LISTS, listSegments: async () => ({ items: [] }), previewSegment: async () => preview(3) });
    const { container } = renderSignedIn(<SegmentsPage />, client, { role: 'analyst' });
    const button = (await waitFor(() => container.querySelector('button.segment-create-button'))) as HTMLElement;
    expect(button.textContent).toContain('试算分群');
    fireEvent.click(button);
    await waitFor(() => expect(callsOf(call, 'previewSegment')).toHaveLength(1));
    expect(document.querySelector('.ant-modal-footer .ant-btn-primary')).toBeNull();
    expect(document.querySelector('.segment-editor-close')).not.toBeNull();
  });
});
