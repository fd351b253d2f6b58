import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MemberTagView, TagDefinitionView } from '~/types/functions/marketing-tags';
import { AdminApiError } from '../../api/client';
import { TEST_TOKEN, pageClient, renderSignedIn } from '../../test/mock-client';
import type { ActionHandler, ActionHandlers } from '../../test/mock-client';
import { chooseOption } from '../../test/choose-option';
import { MemberTagsSection } from '../members/member-tags-section';
import { TagsPage } from './tags-page';

// Dialogs with validated forms take several seconds in jsdom on a busy two-core machine.
jest.setTimeout(120_000);

const skin: TagDefinitionView = {
  _id: 'skin',
  name: '肤质',
  values: ['油性', '干性', '混合'],
  staffCanSet: true,
  counts: { 油性: 12, 干性: 3 },
  status: 'active',
  createdBy: 'admin',
  createdAt: 0,
  updatedAt: 0,
};

const tagsClient = (actions: ActionHandlers = {}) => pageClient({ listTagDefinitions: async () => ({ tags: [skin] }) }, actions);
const type = (element: Element, value: string) =>
  fireEvent.change(element.matches('input, textarea') ? element : (element.querySelector('input, textarea') as Element), {
    target: { value },
  });

describe('标签', () => {
  it('lists each tag with how many members hold each value, and whether staff may set it', async () => {
    renderSignedIn(<TagsPage />, tagsClient().client);
    expect(await screen.findByText('肤质')).toBeTruthy();
    expect(screen.getByText('共 1 个标签')).toBeTruthy();
    expect([...document.querySelectorAll('.tag-value-counts .ant-tag')].map((tag) => tag.textContent)).toEqual([
      '油性 · 12',
      '干性 · 3',
      '混合 · 0',
    ]);
    expect(screen.getByText('可以')).toBeTruthy();
  });

  it('checks a new tag has values before sending; an edit removing a held value shows the refusal', async () => {
    const saveTagDefinition = jest.fn<ActionHandler>(async () => {
      throw new AdminApiError('CONFLICT', 'values: 不能删除仍有会员持有的值：「油性」12 人；请先清除这些会员的标签');
    });
    renderSignedIn(<TagsPage />, tagsClient({ saveTagDefinition }).client);
    await screen.findByText('肤质');
    fireEvent.click(screen.getByRole('button', { name: /新建标签/ }));
    let dialog = await screen.findByRole('dialog');
    type(dialog.querySelector('.tag-name') as Element, '发质');
    fireEvent.click(within(dialog).getByRole('button', { name: /创建标签/ }));
    expect(await within(dialog).findByText('请至少填写一个可选值')).toBeTruthy();
    expect(saveTagDefinition).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: /取\s*消/ }));

    fireEvent.click(screen.getByRole('button', { name: /编\s*辑/ }));
    dialog = await screen.findByRole('dialog', { name: /编辑标签/ });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(saveTagDefinition).toHaveBeenCalledTimes(1));
    expect(saveTagDefinition.mock.calls[0]?.[1]).toEqual({
      token: TEST_TOKEN,
      mode: 'update',
      tagId: 'skin',
      name: '肤质',
      values: ['油性', '干性', '混合'],
      staffCanSet: true,
    });
    expect(await within(dialog).findByText(/「油性」12 人/)).toBeTruthy();
  });

  it('imports pasted CSV all-or-nothing and lists the bad lines by number', async () => {
    const importMemberTags = jest.fn<ActionHandler>(async () => ({
      applied: 0,
      unchanged: 0,
      errors: [{ line: 3, message: '「未知」不是该标签的可选值' }],
      done: true,
    }));
    renderSignedIn(<TagsPage />, tagsClient({ importMemberTags }).client);
    await screen.findByText('肤质');
    fireEvent.click(screen.getByRole('button', { name: /导\s*入/ }));
    const dialog = await screen.findByRole('dialog');
    type(dialog.querySelector('.tag-import-text') as Element, '1000000001,油性\n1000000002,干性\n1000000003,未知');
    fireEvent.click(within(dialog).getByRole('button', { name: /导\s*入/ }));
    expect(await within(dialog).findByText('发现 1 行错误，未做任何修改')).toBeTruthy();
    expect(within(dialog).getByText('第 3 行：「未知」不是该标签的可选值')).toBeTruthy();
    expect(importMemberTags.mock.calls[0]?.[1]).toEqual({
      token: TEST_TOKEN,
      tagId: 'skin',
      text: '1000000001,油性\n1000000002,干性\n1000000003,未知',
      mode: 'allOrNothing',
    });
  });

  it('tags a segment: picks the segment and value, calls again from where it stopped until done, then refreshes the counts', async () => {
    const segmentView = (id: string, name: string, status: 'active' | 'archived' = 'active') => ({
      _id: id,
      name,
      description: '',
      rule: { join: 'and', groups: [] },
      lastCount: 1500,
      countedAt: 0,
      status,
      createdBy: 'admin',
      createdAt: 0,
      updatedAt: 0,
    });
    const answers = [
      { done: false, next: 'm0999', applied: 900, unchanged: 100 },
      { done: true, next: null, applied: 450, unchanged: 50 },
    ];
    const applyTagToSegment = jest.fn<ActionHandler>(async () => answers.shift());
    const listTagDefinitions = jest.fn<ActionHandler>(async () => ({ tags: [skin] }));
    const { client } = pageClient({
      listTagDefinitions,
      listSegments: async () => ({ items: [segmentView('seg-a', '高价值'), segmentView('seg-old', '旧分群', 'archived')] }),
      applyTagToSegment,
    });
    renderSignedIn(<TagsPage />, client);
    await screen.findByText('肤质');
    fireEvent.click(screen.getByRole('button', { name: /按分群打标/ }));
    const dialog = await screen.findByRole('dialog');
    const submit = dialog.querySelector('.tag-segment-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await waitFor(() => expect(dialog.querySelector('.tag-segment-select.ant-select-disabled')).toBeNull());
    fireEvent.mouseDown(dialog.querySelector('.tag-segment-select .ant-select-content') as HTMLElement);
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option').length).toBe(1));
    await chooseOption(dialog.querySelector('.tag-segment-select') as HTMLElement, '高价值（约 1,500 人）');
    await chooseOption(dialog.querySelector('.tag-segment-value') as HTMLElement, '干性');
    fireEvent.click(submit);
    expect(await within(dialog).findByText(/已完成：更新 1,350 位会员，\s*150 位无需修改/)).toBeTruthy();
    expect(applyTagToSegment).toHaveBeenCalledTimes(2);
    const [first, second] = applyTagToSegment.mock.calls.map((c) => c[1] as Record<string, unknown>);
    expect(first).toMatchObject({ token: TEST_TOKEN, tagId: 'skin', value: '干性', segmentId: 'seg-a', cursor: null });
    expect(second).toMatchObject({ cursor: 'm0999', requestKey: first?.requestKey });
    expect(String(first?.requestKey)).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    // The counts are read again once the run is done.
    await waitFor(() => expect(listTagDefinitions.mock.calls.length).toBeGreaterThanOrEqual(2));
  });

  it('clears a tag over a segment, and after a failure part-way goes on from where it stopped', async () => {
    const applyTagToSegment = jest
      .fn<ActionHandler>()
      .mockResolvedValueOnce({ done: false, next: 'm0500', applied: 500, unchanged: 0 })
      .mockRejectedValueOnce(new AdminApiError('INTERNAL', '服务暂时不可用'))
      .mockResolvedValueOnce({ done: true, next: null, applied: 20, unchanged: 0 });
    const { client } = pageClient({
      listTagDefinitions: async () => ({ tags: [skin] }),
      listSegments: async () => ({
        items: [
          {
            _id: 'seg-a',
            name: '高价值',
            description: '',
            rule: { join: 'and', groups: [] },
            lastCount: null,
            countedAt: null,
            status: 'active',
            createdBy: 'admin',
            createdAt: 0,
            updatedAt: 0,
          },
        ],
      }),
      applyTagToSegment,
    });
    renderSignedIn(<TagsPage />, client);
    await screen.findByText('肤质');
    fireEvent.click(screen.getByRole('button', { name: /按分群打标/ }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(dialog.querySelector('.tag-segment-select.ant-select-disabled')).toBeNull());
    await chooseOption(dialog.querySelector('.tag-segment-select') as HTMLElement, '高价值');
    await chooseOption(dialog.querySelector('.tag-segment-value') as HTMLElement, '清除该标签');
    fireEvent.click(dialog.querySelector('.tag-segment-submit') as HTMLElement);
    expect(await within(dialog).findByText(/进行中：更新 500 位会员/)).toBeTruthy();
    await waitFor(() => expect(dialog.querySelector('.tag-segment-error')).toBeTruthy());
    const retry = await within(dialog).findByRole('button', { name: /继\s*续/ });
    fireEvent.click(retry);
    expect(await within(dialog).findByText(/已完成：更新 520 位会员/)).toBeTruthy();
    const calls = applyTagToSegment.mock.calls.map((c) => c[1] as Record<string, unknown>);
    expect(calls.map((c) => [c.value, c.cursor])).toEqual([
      [null, null],
      [null, 'm0500'],
      [null, 'm0500'],
    ]);
    expect(new Set(calls.map((c) => c.requestKey)).size).toBe(1);
  });

  it('shows an analyst the list without the buttons that change it', async () => {
    renderSignedIn(<TagsPage />, tagsClient().client, { role: 'analyst' });
    await screen.findByText('肤质');
    expect(screen.queryByRole('button', { name: /新建标签/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /归\s*档/ })).toBeNull();
  });
});

describe('特殊标签 on the member detail', () => {
  const memberTags: MemberTagView[] = [{ tagId: 'skin', name: '肤质', values: ['油性', '干性'], staffCanSet: true, value: null }];

  it('sets a value for the member', async () => {
    const setMemberTag = jest.fn<ActionHandler>(async () => ({ tagId: 'skin', value: '干性', changed: true }));
    const { client } = pageClient({ getMemberTags: async () => ({ memberId: 'm1', tags: memberTags }), setMemberTag });
    renderSignedIn(<MemberTagsSection memberId="m1" />, client);
    const select = (await waitFor(() => {
      const found = document.querySelector('.member-tag-skin');
      if (!found) throw new Error('no select');
      return found;
    })) as HTMLElement;
    await chooseOption(select, '干性');
    await waitFor(() => expect(setMemberTag).toHaveBeenCalled());
    expect(setMemberTag.mock.calls[0]?.[1]).toEqual({ token: TEST_TOKEN, memberId: 'm1', tagId: 'skin', value: '干性' });
    expect(await screen.findByText('「肤质」已设为 干性')).toBeTruthy();
  });

  it('shows support the values without a way to change them', async () => {
    const { client } = pageClient({ getMemberTags: async () => ({ memberId: 'm1', tags: [{ ...memberTags[0]!, value: '油性' }] }) });
    renderSignedIn(<MemberTagsSection memberId="m1" />, client, { role: 'support' });
    expect(await screen.findByText('油性')).toBeTruthy();
    expect(document.querySelector('.member-tag-select')).toBeNull();
  });
});
