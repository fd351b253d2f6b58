import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AdminRole } from '~/types/documents';
import type { CampaignOutcome, CouponTemplateRow, TierOption } from '~/types/functions/admin-coupons';
import { AdminApiError } from '../../api/client';
import type { AdminClient, AdminPayload } from '../../api/client';
import { chooseOption } from '../../test/choose-option';
import { TEST_TOKEN, callsOf, pageClient, renderSignedIn } from '../../test/mock-client';
import type { ActionHandler, ActionHandlers } from '../../test/mock-client';
import { COUPONS_PAGE_SIZE, CouponsPage } from './coupons-page';

// Dialogs with validated forms take several seconds in jsdom on a busy two-core machine.
jest.setTimeout(60_000);

// 02:00 UTC is 10:00 in Asia/Shanghai.
const CREATED_AT = Date.UTC(2025, 2, 1, 2, 0);

function templateRow(id: string, overrides: Partial<CouponTemplateRow> = {}): CouponTemplateRow {
  return {
    _id: id,
    title: `券${id}`,
    description: '',
    terms: { kind: 'cash', thresholdFen: 5900, amountFen: 1000 },
    validity: { type: 'relative', days: 7 },
    totalStock: 100,
    stockRemaining: 63,
    issued: 37,
    stats: { issued: 37, claimed: 30, used: 12, expired: 3, voided: 1, discountFen: 12_000 },
    perMemberLimit: 1,
    stackingGroup: 'default',
    audience: { type: 'all' },
    channel: 'centre',
    status: 'active',
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

const cash = templateRow('spring', { title: '春季满59减10', perMemberLimit: 2 });
const percent = templateRow('gold-day', {
  title: '金卡会员日',
  terms: { kind: 'percent', thresholdFen: 10_000, percentOff: 15, capFen: 2000 },
  validity: { type: 'fixed', from: Date.UTC(2025, 2, 31, 16), to: Date.UTC(2025, 3, 30, 16) - 1 },
  totalStock: null,
  stockRemaining: null,
  issued: null,
  audience: { type: 'minTier', tierId: 'gold' },
  channel: 'system',
  status: 'paused',
});
const shipping = templateRow('new-ship', {
  title: '新人包邮',
  terms: { kind: 'shipping', thresholdFen: 0 },
  audience: { type: 'newMembers', withinDays: 30 },
  status: 'ended',
  totalStock: 500,
  stockRemaining: 0,
  issued: 500,
});
const onSecondPage = templateRow('older', { title: '老活动券' });

const tiers: TierOption[] = [
  { tierId: 'normal', name: '普通会员', rank: 0 },
  { tierId: 'silver', name: '银卡会员', rank: 1 },
  { tierId: 'gold', name: '金卡会员', rank: 2 },
  { tierId: 'diamond', name: '钻石会员', rank: 3 },
];

function couponsClient(actions: ActionHandlers = {}) {
  return pageClient(
    {
      listTiers: async () => ({ items: tiers }),
      listCouponTemplates: async (_action, payload) => {
        const { status, channel, cursor } = payload as AdminPayload<'listCouponTemplates'>;
        const all = [cash, percent, shipping];
        if (status === 'active' && channel === undefined) return { items: [cash], nextCursor: null };
        if (status !== undefined || channel !== undefined) {
          return {
            items: all.filter((row) => (!status || row.status === status) && (!channel || row.channel === channel)),
            nextCursor: null,
          };
        }
        return cursor === 'cursor-2' ? { items: [onSecondPage], nextCursor: null } : { items: all, nextCursor: 'cursor-2' };
      },
    },
    actions,
  );
}

const renderPage = (client: AdminClient, role: AdminRole = 'operator') => renderSignedIn(<CouponsPage />, client, { role });

function rowOf(title: string): HTMLElement {
  return screen.getByText(title).closest('tr') as HTMLElement;
}

/** The element `selector` finds in `scope`; fails the test when there is none. */
function element(scope: ParentNode, selector: string): HTMLElement {
  const found = scope.querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found as HTMLElement;
}

/** The labels of a row's buttons, without the space Ant Design puts between two characters. */
function buttonsOf(row: HTMLElement): string[] {
  return Array.from(row.querySelectorAll('button'), (button) => (button.textContent ?? '').replace(/\s/g, ''));
}

/** The open dialog with this class, once it is there. */
function dialogOf(className: string): Promise<HTMLElement> {
  return waitFor(() => element(document, `.${className}`));
}

/** Presses a dialog's primary button (创建, 确认发放). */
function ok(dialog: HTMLElement) {
  fireEvent.click(element(dialog, '.ant-modal-footer .ant-btn-primary'));
}

// Role queries compute styles for every element, which is slow against Ant Design's style sheets;
// these tests find elements by class and text instead.
function type(container: HTMLElement, selector: string, value: string) {
  const field = container.querySelector(
    `${selector} input, ${selector} textarea, input${selector}, textarea${selector}`,
  ) as HTMLInputElement;
  if (!field) throw new Error(`no field ${selector}`);
  fireEvent.change(field, { target: { value } });
}

describe('CouponsPage', () => {
  it('lists templates with their faces, validity, channel, stock, audience and status, and the actions each status allows', async () => {
    const { client, call } = couponsClient();
    const { container } = renderPage(client);

    const table = container.querySelector('.coupon-templates-table') as HTMLElement;
    await within(table).findByText('春季满59减10');
    expect(call).toHaveBeenCalledWith(
      'listCouponTemplates',
      { token: TEST_TOKEN, pageSize: COUPONS_PAGE_SIZE },
      expect.objectContaining({ signal: expect.anything() }),
    );
    const headers = Array.from(table.querySelectorAll('thead th'), (cell) => cell.textContent).filter(Boolean);
    expect(headers).toEqual(['优惠券', '面额', '有效期', '渠道', '库存（剩余 / 总量）', '数据', '适用会员', '状态', '创建时间', '操作']);

    const cashRow = rowOf('春季满59减10');
    expect(within(cashRow).getByText('spring')).toBeTruthy();
    expect(within(cashRow).getByText('¥10')).toBeTruthy();
    expect(within(cashRow).getByText('满59元可用')).toBeTruthy();
    expect(within(cashRow).getByText('领取后7天内有效')).toBeTruthy();
    expect(within(cashRow).getByText('领券中心')).toBeTruthy();
    expect(within(cashRow).getByText('63 / 100')).toBeTruthy();
    expect(within(cashRow).getByText('已发放 37')).toBeTruthy();
    expect(within(cashRow).getByText('全部会员')).toBeTruthy();
    expect(within(cashRow).getByText('每人限领 2 张')).toBeTruthy();
    expect(within(cashRow).getByText('进行中')).toBeTruthy();
    expect(within(cashRow).getByText('2025-03-01 10:00')).toBeTruthy();
    expect(buttonsOf(cashRow)).toEqual(['发券', '批量发券', '编辑', '记录', '暂停', '结束']);

    const percentRow = rowOf('金卡会员日');
    expect(within(percentRow).getByText('8.5折')).toBeTruthy();
    expect(within(percentRow).getByText('满100元可用，最高减20元')).toBeTruthy();
    expect(within(percentRow).getByText('2025.04.01-2025.04.30')).toBeTruthy();
    expect(within(percentRow).getByText('系统发放')).toBeTruthy();
    expect(within(percentRow).getByText('不限量')).toBeTruthy();
    expect(within(percentRow).getByText('金卡会员及以上专享')).toBeTruthy();
    expect(within(percentRow).getByText('已暂停')).toBeTruthy();
    expect(buttonsOf(percentRow)).toEqual(['编辑', '记录', '恢复', '结束']);

    const shippingRow = rowOf('新人包邮');
    expect(within(shippingRow).getByText('免运费')).toBeTruthy();
    expect(within(shippingRow).getByText('无门槛')).toBeTruthy();
    expect(within(shippingRow).getByText('0 / 500')).toBeTruthy();
    expect(within(shippingRow).getByText('入会30天内新会员专享')).toBeTruthy();
    expect(within(shippingRow).getByText('已结束')).toBeTruthy();
    expect(buttonsOf(shippingRow)).toEqual(['记录']);
  });

  it('pages on, and narrows by status and channel', async () => {
    const { client, call } = couponsClient();
    const { container } = renderPage(client);
    await screen.findByText('春季满59减10');

    fireEvent.click(container.querySelector('button.coupon-templates-next') as HTMLButtonElement);
    expect(await screen.findByText('老活动券')).toBeTruthy();
    expect(call).toHaveBeenLastCalledWith(
      'listCouponTemplates',
      { token: TEST_TOKEN, pageSize: COUPONS_PAGE_SIZE, cursor: 'cursor-2' },
      expect.anything(),
    );
    fireEvent.click(container.querySelector('button.coupon-templates-prev') as HTMLButtonElement);
    await screen.findByText('春季满59减10');

    fireEvent.click(within(container.querySelector('.coupons-status-filter') as HTMLElement).getByText('已暂停'));
    await waitFor(() =>
      expect(call).toHaveBeenLastCalledWith(
        'listCouponTemplates',
        { token: TEST_TOKEN, pageSize: COUPONS_PAGE_SIZE, status: 'paused' },
        expect.anything(),
      ),
    );
    await waitFor(() => expect(screen.queryByText('春季满59减10')).toBeNull());
    expect(screen.getByText('金卡会员日')).toBeTruthy();

    await chooseOption(container.querySelector('.coupons-channel-filter') as HTMLElement, '领券中心');
    await waitFor(() =>
      expect(call).toHaveBeenLastCalledWith(
        'listCouponTemplates',
        { token: TEST_TOKEN, pageSize: COUPONS_PAGE_SIZE, status: 'paused', channel: 'centre' },
        expect.anything(),
      ),
    );
    expect(await screen.findByText('没有符合条件的优惠券')).toBeTruthy();
  });

  it('pauses at once, ends only after confirming, and refreshes the list after each', async () => {
    const setCouponTemplateStatus = jest.fn<ActionHandler>(async (_action, payload) => {
      const { templateId, status } = payload as AdminPayload<'setCouponTemplateStatus'>;
      return { ...[cash, percent].find((row) => row._id === templateId), status };
    });
    const { client, call } = couponsClient({ setCouponTemplateStatus });
    renderPage(client);
    await screen.findByText('春季满59减10');

    let listsBefore = callsOf(call, 'listCouponTemplates').length;
    fireEvent.click(element(rowOf('春季满59减10'), 'button.coupon-status-paused'));
    await waitFor(() =>
      expect(setCouponTemplateStatus).toHaveBeenCalledWith('setCouponTemplateStatus', {
        token: TEST_TOKEN,
        templateId: 'spring',
        status: 'paused',
      }),
    );
    expect(await screen.findByText('已暂停优惠券「春季满59减10」')).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'listCouponTemplates').length).toBe(listsBefore + 1));

    fireEvent.click(element(rowOf('金卡会员日'), 'button.coupon-status-ended'));
    const confirm = (await screen.findByText('结束优惠券「金卡会员日」？')).closest('.ant-popover') as HTMLElement;
    expect(within(confirm).getByText('结束后不能再领取或发放，且不能恢复；已发出的券在有效期内仍可使用')).toBeTruthy();
    expect(setCouponTemplateStatus).toHaveBeenCalledTimes(1);
    listsBefore = callsOf(call, 'listCouponTemplates').length;
    fireEvent.click(within(confirm).getByText('确认结束'));
    await waitFor(() =>
      expect(setCouponTemplateStatus).toHaveBeenLastCalledWith('setCouponTemplateStatus', {
        token: TEST_TOKEN,
        templateId: 'gold-day',
        status: 'ended',
      }),
    );
    expect(await screen.findByText('已结束优惠券「金卡会员日」')).toBeTruthy();
    await waitFor(() => expect(callsOf(call, 'listCouponTemplates').length).toBe(listsBefore + 1));
  });

  it('says why a status change was refused', async () => {
    const { client } = couponsClient({
      setCouponTemplateStatus: async () => {
        throw new AdminApiError('INVALID_STATE', 'cannot set template gold-day from ended to active');
      },
    });
    const { container } = renderPage(client);
    await screen.findByText('金卡会员日');

    fireEvent.click(element(rowOf('金卡会员日'), 'button.coupon-status-active'));
    await waitFor(() => expect(container.querySelector('.coupon-action-error')).not.toBeNull());
    expect(container.querySelector('.coupon-action-error')?.textContent).toContain(
      '恢复优惠券「金卡会员日」未成功：当前状态下不能执行此操作，请刷新后重试',
    );
  });

  it('creates a template after the form’s own checks and the server’s cross-field rules, with the defaults filled in', async () => {
    const createCouponTemplate = jest.fn<ActionHandler>(async (_action, payload) => ({ ...cash, ...(payload as object), _id: 'ct0123' }));
    const { client, call } = couponsClient({ createCouponTemplate });
    const { container } = renderPage(client);
    await screen.findByText('春季满59减10');

    fireEvent.click(element(container, 'button.coupon-create-button'));
    const dialog = await dialogOf('create-template-modal');
    ok(dialog);
    expect(await within(dialog).findByText('请填写券名称')).toBeTruthy();
    expect(await within(dialog).findByText('请填写金额')).toBeTruthy();

    type(dialog, '.template-title', ' 满59减60 ');
    type(dialog, '.template-threshold', '59');
    type(dialog, '.template-amount', '60.123');
    ok(dialog);
    expect(await within(dialog).findByText('请填写金额，最多两位小数，不超过 1,000,000 元')).toBeTruthy();

    type(dialog, '.template-amount', '60');
    ok(dialog);
    expect(await within(dialog).findByText('优惠金额须小于使用门槛（门槛填 0 表示无门槛）')).toBeTruthy();
    expect(createCouponTemplate).not.toHaveBeenCalled();

    type(dialog, '.template-amount', '10');
    expect(await within(dialog).findByText('¥10')).toBeTruthy();
    const listsBefore = callsOf(call, 'listCouponTemplates').length;
    ok(dialog);
    await waitFor(() =>
      expect(createCouponTemplate).toHaveBeenCalledWith('createCouponTemplate', {
        token: TEST_TOKEN,
        title: '满59减60',
        description: '',
        terms: { kind: 'cash', thresholdFen: 5900, amountFen: 1000 },
        validity: { type: 'relative', days: 7 },
        totalStock: 1000,
        perMemberLimit: 1,
        stackingGroup: 'default',
        audience: { type: 'all' },
        channel: 'centre',
        status: 'active',
      }),
    );
    expect(await screen.findByText('已创建优惠券「满59减60」')).toBeTruthy();
    await waitFor(() => expect(document.querySelector('.create-template-modal')).toBeNull());
    await waitFor(() => expect(callsOf(call, 'listCouponTemplates').length).toBe(listsBefore + 1));
  });

  it('creates a capped discount for a tier and above, unlimited and issued by the system, and names a taken id', async () => {
    const createCouponTemplate = jest.fn<ActionHandler>(async () => {
      throw new AdminApiError('CONFLICT', 'a coupon template gold-day already exists');
    });
    const { client } = couponsClient({ createCouponTemplate });
    const { container } = renderPage(client);
    await screen.findByText('春季满59减10');

    fireEvent.click(element(container, 'button.coupon-create-button'));
    const dialog = await dialogOf('create-template-modal');
    type(dialog, '.template-title', '金卡会员日');
    type(dialog, '.template-id', 'gold-day');
    type(dialog, '.template-description', '会员日当天全场可用');
    fireEvent.click(within(dialog).getByText('折扣券'));
    await waitFor(() => expect(dialog.querySelector('.template-zhe')).not.toBeNull());
    type(dialog, '.template-zhe', '8.5');
    type(dialog, '.template-cap', '20');
    type(dialog, '.template-threshold', '100');
    fireEvent.click(within(dialog).getByText('不限量'));
    await waitFor(() => expect(dialog.querySelector('.template-stock')).toBeNull());
    type(dialog, '.template-days', '14');
    fireEvent.click(within(dialog).getByText('指定等级及以上'));
    await waitFor(() => expect(dialog.querySelector('.template-tier')).not.toBeNull());
    await chooseOption(dialog.querySelector('.template-tier') as HTMLElement, '金卡会员及以上');
    type(dialog, '.template-stacking', 'member-day');
    fireEvent.click(within(dialog).getByText('系统发放'));
    fireEvent.click(within(dialog).getByText('先暂停'));
    expect(within(dialog).getByText('8.5折')).toBeTruthy();

    ok(dialog);
    await waitFor(() =>
      expect(createCouponTemplate).toHaveBeenCalledWith('createCouponTemplate', {
        token: TEST_TOKEN,
        templateId: 'gold-day',
        title: '金卡会员日',
        description: '会员日当天全场可用',
        terms: { kind: 'percent', thresholdFen: 10_000, percentOff: 15, capFen: 2000 },
        validity: { type: 'relative', days: 14 },
        totalStock: null,
        perMemberLimit: 1,
        stackingGroup: 'member-day',
        audience: { type: 'minTier', tierId: 'gold' },
        channel: 'system',
        status: 'paused',
      }),
    );
    expect(await within(dialog).findByText('模板编号「gold-day」已被使用，请换一个或留空自动生成')).toBeTruthy();
  });

  it('issues a campaign to pasted members and shows each member’s result', async () => {
    const outcome: CampaignOutcome = {
      issued: 1,
      alreadyHad: 1,
      failed: [{ memberId: 'm-ghost', code: 'NOT_FOUND' }],
      results: [
        { memberId: 'm-0001', outcome: 'issued', code: null },
        { memberId: 'm-0002', outcome: 'alreadyHad', code: null },
        { memberId: 'm-ghost', outcome: 'failed', code: 'NOT_FOUND' },
      ],
    };
    const issueCampaignCoupons = jest.fn<ActionHandler>(async () => outcome);
    const { client, call } = couponsClient({ issueCampaignCoupons });
    const { container } = renderPage(client);
    await screen.findByText('春季满59减10');

    fireEvent.click(element(container, 'button.coupon-campaign-button'));
    const dialog = await dialogOf('issue-campaign-modal');
    await waitFor(() =>
      expect(call).toHaveBeenCalledWith('listCouponTemplates', { token: TEST_TOKEN, status: 'active', pageSize: 100 }, expect.anything()),
    );
    ok(dialog);
    expect(await within(dialog).findByText('请选择要发放的优惠券')).toBeTruthy();
    expect(within(dialog).getByText('请填写活动编号')).toBeTruthy();
    expect(within(dialog).getByText('请填写会员 ID，每行一个')).toBeTruthy();

    await chooseOption(dialog.querySelector('.campaign-template') as HTMLElement, '春季满59减10（¥10 满59元可用）');
    expect(await within(dialog).findByText('发放后7天内有效 · 剩余 63 张 · 全部会员')).toBeTruthy();
    type(dialog, '.campaign-id', 'Spring Sale');
    type(dialog, '.campaign-members', 'm-0001\nm 0002\n');
    ok(dialog);
    expect(await within(dialog).findByText('活动编号为小写字母开头的字母、数字或短横线，最多 32 位')).toBeTruthy();
    expect(within(dialog).getByText('第 2 行「m 0002」不是有效的会员 ID')).toBeTruthy();
    expect(issueCampaignCoupons).not.toHaveBeenCalled();

    type(dialog, '.campaign-id', 'spring-sale');
    type(dialog, '.campaign-members', 'm-0001\n m-0002 \nm-ghost\nm-0001\n');
    expect(await within(dialog).findByText('共 3 位会员（已去除重复 1 个）')).toBeTruthy();
    const listsBefore = callsOf(call, 'listCouponTemplates').length;
    ok(dialog);
    await waitFor(() =>
      expect(issueCampaignCoupons).toHaveBeenCalledWith('issueCampaignCoupons', {
        token: TEST_TOKEN,
        templateId: 'spring',
        campaignId: 'spring-sale',
        memberIds: ['m-0001', 'm-0002', 'm-ghost'],
      }),
    );

    const result = await waitFor(() => dialog.querySelector('.campaign-result') as HTMLElement);
    expect(result.querySelector('.campaign-issued')?.textContent).toBe('已发放 1 位');
    expect(result.querySelector('.campaign-already-had')?.textContent).toBe('此前已发放 1 位');
    expect(result.querySelector('.campaign-failed')?.textContent).toBe('未发放 1 位');
    const rows = Array.from(result.querySelectorAll('.campaign-results-table tbody tr.ant-table-row'), (row) =>
      Array.from(row.querySelectorAll('td'), (cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['m-0001', '已发放', ''],
      ['m-0002', '此前已发放', ''],
      ['m-ghost', '未发放', '会员不存在或已注销'],
    ]);
    await waitFor(() => expect(callsOf(call, 'listCouponTemplates').length).toBeGreaterThan(listsBefore));

    fireEvent.click(element(dialog, 'button.campaign-done'));
    await waitFor(() => expect(document.querySelector('.issue-campaign-modal')).toBeNull());
  });

  it('starts a campaign at the row whose 发券 was pressed', async () => {
    const { client } = couponsClient();
    renderPage(client);
    await screen.findByText('春季满59减10');

    fireEvent.click(element(rowOf('春季满59减10'), 'button.coupon-issue-button'));
    const dialog = await dialogOf('issue-campaign-modal');
    expect(await within(dialog).findByText('春季满59减10（¥10 满59元可用）')).toBeTruthy();
  });

  it('shows an analyst the list without any button that changes it', async () => {
    const { client } = couponsClient();
    const { container } = renderPage(client, 'analyst');
    const table = container.querySelector('.coupon-templates-table') as HTMLElement;
    await within(table).findByText('春季满59减10');

    expect(screen.queryByText('新建优惠券')).toBeNull();
    expect(screen.queryByText('发放活动券')).toBeNull();
    // Only the records, which read.
    expect(buttonsOf(rowOf('春季满59减10'))).toEqual(['记录']);
  });

  it('shows each template’s counts and cost, edits only what changed, and sends to a tier page by page with a progress bar', async () => {
    const update = jest.fn<ActionHandler>(async (_action, payload) => ({ ...cash, ...(payload as object) }));
    let page = 0;
    const tierSend = jest.fn<ActionHandler>(async () => {
      page += 1;
      return { issued: 200, alreadyHad: 0, failed: [], scanned: 200, total: 400, nextCursor: page === 1 ? 'm0200' : null };
    });
    const { client } = couponsClient({ updateCouponTemplate: update, issueTierCoupons: tierSend });
    renderPage(client);
    await screen.findByText('春季满59减10');
    const stats = element(rowOf('春季满59减10'), '.coupon-stats');
    expect(stats.textContent).toBe('发放 37 · 领取 30使用 12 · 过期 3 · 作废 1优惠成本 ¥120.00');

    fireEvent.click(element(rowOf('春季满59减10'), 'button.coupon-edit-button'));
    const edit = await dialogOf('edit-template-modal');
    type(edit, '.edit-title', '春季大促券');
    ok(edit);
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0]?.[1]).toEqual({ token: TEST_TOKEN, templateId: 'spring', title: '春季大促券' });
    await waitFor(() => expect(document.querySelector('.edit-template-modal')).toBeNull());

    fireEvent.click(element(rowOf('春季满59减10'), 'button.coupon-send-button'));
    const send = await dialogOf('send-coupons-modal');
    fireEvent.click(within(send).getByText('按会员等级'));
    type(send, '.send-campaign-id', 'gold-day');
    await chooseOption(element(send, '.send-tier'), '金卡会员');
    ok(send);
    await waitFor(() => expect(element(send, '.send-progress-text').textContent).toContain('发放完成'));
    expect(tierSend.mock.calls.map((call) => call[1])).toEqual([
      { token: TEST_TOKEN, templateId: 'spring', campaignId: 'gold-day', tierId: 'gold', pageSize: 200 },
      { token: TEST_TOKEN, templateId: 'spring', campaignId: 'gold-day', tierId: 'gold', pageSize: 200, cursor: 'm0200' },
    ]);
    expect(element(send, '.send-progress-text').textContent).toContain('已处理 400 / 400 位，新发放 400');
  });
});
