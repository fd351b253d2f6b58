import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Switch } from '@nutui/nutui-react-taro';
import type { MemberCard, SaleQuote } from '~/types/functions/staff';
import { Panel } from '~/src/components/panel';
import { StatusPanel } from '~/src/components/status-panel';
import type { QuoteState, RecordedSale, SaleInput } from '~/src/stores/staff';
import { useStaffStore } from '~/src/stores/staff';
import { formatDate } from '~/src/utils/date';
import { actionErrorText, errorText } from '~/src/utils/error-text';
import { formatPoints, formatYuan } from '~/core/money/format';
import { entryFen } from '~/src/packages/staff/amount-entry';
import { AmountKeypad } from '~/src/packages/staff/components/amount-keypad';
import { scanAgain, SessionNotice } from '~/src/packages/staff/components/session-notice';
import { useNow } from '~/src/packages/staff/use-now';
import { useSessionCard } from '~/src/packages/staff/use-session-card';
import { SessionCardState } from '~/src/packages/staff/components/session-card-state';
import './index.scss';

/** How long typing pauses before the purchase is quoted. */
export const QUOTE_DELAY_MS = 300;

const RECEIPT = /^[A-Za-z0-9-]{1,32}$/;

function sameInput(a: SaleInput, b: SaleInput): boolean {
  return a.sessionId === b.sessionId && a.amountFen === b.amountFen && a.couponInstanceId === b.couponInstanceId && a.points === b.points;
}

/** What the quote on screen is worth for this input: fresh, on its way, or nothing yet. */
function quoteFor(quote: QuoteState | null, input: SaleInput): { data: SaleQuote | null; fresh: boolean; error: QuoteState['error'] } {
  if (!quote) return { data: null, fresh: false, error: null };
  const same = sameInput(quote.input, input);
  return { data: quote.data, fresh: same && quote.status === 'ready', error: same ? quote.error : null };
}

function pointsNote(card: MemberCard, now: number, quote: SaleQuote | null, fresh: boolean): string {
  if (card.member.points.available === 0) return '会员暂无可用积分';
  if (card.pointsUsed || now >= card.pointsUsableUntil) return '积分抵现需重新扫码';
  if (quote && fresh) return quote.maxPoints > 0 ? `本单最多可用 ${formatPoints(quote.maxPoints)} 积分` : '积分抵现需重新扫码';
  return `会员有 ${formatPoints(card.member.points.available)} 积分，输入金额后可抵扣`;
}

function CouponChoice({ card, chosen, onChoose }: { card: MemberCard; chosen: string | null; onChoose: (id: string | null) => void }) {
  const usable = card.coupons.filter((coupon) => coupon.state === 'usable');
  if (usable.length === 0) return <Text className="sale-empty">会员暂无可用优惠券</Text>;
  return (
    <View className="sale-coupons">
      <View className={`sale-coupon sale-coupon-none${chosen === null ? ' sale-coupon--chosen' : ''}`} onClick={() => onChoose(null)}>
        <Text className="sale-coupon__title">不使用优惠券</Text>
      </View>
      {usable.map((coupon) => (
        <View
          key={coupon.instanceId}
          className={`sale-coupon sale-coupon-option${chosen === coupon.instanceId ? ' sale-coupon--chosen' : ''}`}
          onClick={() => onChoose(coupon.instanceId)}
        >
          <Text className="sale-coupon__face">{coupon.face.headline}</Text>
          <View className="sale-coupon__main">
            <Text className="sale-coupon__title">{coupon.title}</Text>
            <Text className="sale-coupon__rule">{coupon.face.condition}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

function QuoteLines({ quote, fresh, input }: { quote: SaleQuote; fresh: boolean; input: SaleInput }) {
  return (
    <View className={`sale-quote${fresh ? '' : ' sale-quote--stale'}`}>
      <View className="sale-quote__row">
        <Text className="sale-quote__label">消费金额</Text>
        <Text className="sale-quote__value quote-amount">{formatYuan(quote.amountFen)}</Text>
      </View>
      {input.couponInstanceId ? (
        <View className="sale-quote__row">
          <Text className="sale-quote__label">优惠券</Text>
          <Text className="sale-quote__value sale-quote__value--discount quote-coupon">-{formatYuan(quote.couponDiscountFen)}</Text>
        </View>
      ) : null}
      {input.points ? (
        <View className="sale-quote__row">
          <Text className="sale-quote__label">积分抵扣（{formatPoints(quote.pointsUsed)} 积分）</Text>
          <Text className="sale-quote__value sale-quote__value--discount quote-points">-{formatYuan(quote.pointsFen)}</Text>
        </View>
      ) : null}
      <View className="sale-quote__row sale-quote__row--total">
        <Text className="sale-quote__label">应收</Text>
        <Text className="sale-quote__value sale-quote__value--total quote-paid">{formatYuan(quote.paidFen)}</Text>
      </View>
      <View className="sale-quote__row">
        <Text className="sale-quote__label">本单可得积分</Text>
        <Text className="sale-quote__value quote-earn">{formatPoints(quote.pointsToEarn)}</Text>
      </View>
    </View>
  );
}

function SaleResult({ sale }: { sale: RecordedSale }) {
  return (
    <View className="sale-page">
      <View className="sale-result">
        <Text className="sale-result__title">{sale.duplicate ? '该小票已记录' : '消费已记录'}</Text>
        {sale.duplicate ? <Text className="sale-result__note sale-duplicate">该小票已记录，未重复积分</Text> : null}
        <Text className="sale-result__paid sale-result-paid">{formatYuan(sale.paidFen)}</Text>
        <Text className="sale-result__paid-label">应收</Text>
        <View className="sale-result__rows">
          <View className="sale-quote__row">
            <Text className="sale-quote__label">小票号</Text>
            <Text className="sale-quote__value sale-result-receipt">{sale.receiptNo}</Text>
          </View>
          <View className="sale-quote__row">
            <Text className="sale-quote__label">消费金额</Text>
            <Text className="sale-quote__value">{formatYuan(sale.amountFen)}</Text>
          </View>
          {sale.couponTitle ? (
            <View className="sale-quote__row">
              <Text className="sale-quote__label">{sale.couponTitle}</Text>
              <Text className="sale-quote__value sale-quote__value--discount">-{formatYuan(sale.couponDiscountFen)}</Text>
            </View>
          ) : null}
          {sale.pointsUsed > 0 ? (
            <View className="sale-quote__row">
              <Text className="sale-quote__label">积分抵扣（{formatPoints(sale.pointsUsed)} 积分）</Text>
              <Text className="sale-quote__value sale-quote__value--discount">-{formatYuan(sale.pointsFen)}</Text>
            </View>
          ) : null}
          <View className="sale-quote__row">
            <Text className="sale-quote__label">获得积分</Text>
            <Text className="sale-quote__value sale-result-points">{formatPoints(sale.pointsEarned)}</Text>
          </View>
          <View className="sale-quote__row">
            <Text className="sale-quote__label">记录</Text>
            <Text className="sale-quote__value">
              {sale.staffName} · {formatDate(sale.createdAt, 'MM-DD HH:mm')}
            </Text>
          </View>
        </View>
      </View>
      <View className="sale-bar">
        <View className="sale-bar__ghost sale-back-card" onClick={() => void Taro.navigateBack()}>
          <Text>返回会员卡</Text>
        </View>
        <View className="sale-bar__button sale-next" onClick={scanAgain}>
          <Text>下一位顾客</Text>
        </View>
      </View>
    </View>
  );
}

/** Recording a purchase: receipt number, amount on the keypad, a coupon, points, the server's quote, then confirm. */
export default function TillSalePage() {
  const { sessionId, card, expired, reload } = useSessionCard();
  const quote = useStaffStore((s) => s.quote);
  const quoteSale = useStaffStore((s) => s.quoteSale);
  const clearQuote = useStaffStore((s) => s.clearQuote);
  const recordSale = useStaffStore((s) => s.recordSale);
  const recording = useStaffStore((s) => s.busy === 'sale');
  const now = useNow();
  const [receiptNo, setReceiptNo] = useState('');
  const [entry, setEntry] = useState('');
  const [couponId, setCouponId] = useState<string | null>(null);
  const [pointsOn, setPointsOn] = useState(false);
  const [pointsText, setPointsText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<RecordedSale | null>(null);

  const available = card.data?.member.points.available ?? 0;
  const amountFen = entryFen(entry);
  const typedPoints = Number(pointsText);
  const points = pointsOn ? Math.min(pointsText && typedPoints > 0 ? typedPoints : available, available) : 0;
  const input: SaleInput = {
    sessionId,
    amountFen,
    ...(couponId ? { couponInstanceId: couponId } : {}),
    ...(points > 0 ? { points } : {}),
  };

  useEffect(() => {
    if (!sessionId || amountFen < 1 || result) {
      clearQuote();
      return undefined;
    }
    const timer = setTimeout(() => {
      void quoteSale({
        sessionId,
        amountFen,
        ...(couponId ? { couponInstanceId: couponId } : {}),
        ...(points > 0 ? { points } : {}),
      });
    }, QUOTE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [sessionId, amountFen, couponId, points, result, quoteSale, clearQuote]);

  if (result) return <SaleResult sale={result} />;

  if (!sessionId) {
    return (
      <View className="sale-page">
        <StatusPanel kind="empty" title="还没有扫描会员码" text="请回到收银台扫描会员码" actionText="去扫码" onAction={scanAgain} />
      </View>
    );
  }

  const shown = quoteFor(quote, input);
  const over = expired || (card.data !== null && now >= card.data.expiresAt);

  /** Why the purchase cannot be recorded yet, or null. */
  const missing = (): string | null => {
    if (!RECEIPT.test(receiptNo.trim())) return '请填写小票号（字母、数字或 -）';
    if (amountFen < 1) return '请输入消费金额';
    if (!shown.fresh) return shown.error ? actionErrorText(shown.error) : '正在计算金额，请稍候';
    return shown.data?.couponProblem ?? null;
  };

  const confirm = async () => {
    if (recording) return;
    const problem = missing();
    setError(problem);
    if (problem || !quote) return;
    // The quoted input with the points the quote used (the server refuses any other number), so the purchase is
    // recorded exactly as the quote on screen was worked out.
    const { points: _asked, ...quoted } = quote.input;
    const pointsUsed = shown.data?.pointsUsed ?? 0;
    const recorded = await recordSale({ ...quoted, ...(pointsUsed > 0 ? { points: pointsUsed } : {}), receiptNo: receiptNo.trim() });
    if (!recorded.ok) {
      setError(recorded.code === 'TILL_SESSION_EXPIRED' ? errorText(recorded) : actionErrorText(recorded));
      return;
    }
    setResult(recorded.value);
  };

  return (
    <View className="sale-page">
      <SessionCardState card={card} over={over} reload={reload}>
        {(data) => {
          const canUsePoints =
            available > 0 && !data.pointsUsed && now < data.pointsUsableUntil && !(shown.fresh && shown.data?.maxPoints === 0);
          return (
            <>
              <SessionNotice expiresAt={data.expiresAt} expired={expired} />
              <Text className="sale-page__member">
                {data.member.nickname} · {data.member.tier.name}
              </Text>

              <Panel title="小票号" className="sale-receipt">
                <Input
                  className="sale-receipt__input receipt-input"
                  value={receiptNo}
                  maxlength={32}
                  placeholder="收银小票上的单号"
                  onInput={(event) => setReceiptNo(event.detail.value.replace(/[^A-Za-z0-9-]/g, ''))}
                />
              </Panel>

              <Panel title="消费金额" className="sale-amount-panel">
                <View className="sale-amount">
                  <Text className="sale-amount__sign">¥</Text>
                  <Text className={`sale-amount__value sale-amount-value${entry ? '' : ' sale-amount__value--empty'}`}>{entry || '0'}</Text>
                </View>
                <AmountKeypad value={entry} onChange={setEntry} disabled={recording} />
              </Panel>

              <Panel title="优惠券" className="sale-coupon-panel">
                <CouponChoice card={data} chosen={couponId} onChoose={setCouponId} />
                {shown.fresh && shown.data?.couponProblem ? (
                  <Text className="sale-problem coupon-problem">{shown.data.couponProblem}</Text>
                ) : null}
              </Panel>

              <Panel title="积分抵扣" className="sale-points">
                <View className="sale-points__row">
                  <Text className="sale-points__note points-note">{pointsNote(data, now, shown.data, shown.fresh)}</Text>
                  <Switch
                    className="points-switch"
                    checked={pointsOn}
                    disabled={!pointsOn && !canUsePoints}
                    onChange={(value) => {
                      setPointsOn(value);
                      if (!value) setPointsText('');
                    }}
                  />
                </View>
                {pointsOn ? (
                  <Input
                    className="sale-points__input points-input"
                    type="number"
                    value={pointsText}
                    maxlength={9}
                    placeholder={`留空则用最多，可用 ${formatPoints(available)} 积分`}
                    onInput={(event) => setPointsText(event.detail.value.replace(/\D/g, ''))}
                  />
                ) : null}
              </Panel>

              <Panel title="本单金额" className="sale-quote-panel">
                {shown.data && amountFen > 0 ? (
                  <QuoteLines quote={shown.data} fresh={shown.fresh} input={input} />
                ) : (
                  <Text className="sale-empty">输入金额后显示应收与可得积分</Text>
                )}
                {shown.error ? <Text className="sale-problem quote-error">{actionErrorText(shown.error)}</Text> : null}
              </Panel>

              {error ? <Text className="sale-page__error sale-error">{error}</Text> : null}
            </>
          );
        }}
      </SessionCardState>

      {card.data ? (
        <View className="sale-bar">
          <View className="sale-bar__total">
            <Text className="sale-bar__label">应收</Text>
            <Text className="sale-bar__amount sale-paid">{shown.fresh && shown.data ? formatYuan(shown.data.paidFen) : '—'}</Text>
          </View>
          {over ? (
            <View className="sale-bar__button rescan-button" onClick={scanAgain}>
              <Text>重新扫码</Text>
            </View>
          ) : (
            <View
              className={`sale-bar__button sale-confirm${recording || !shown.fresh ? ' sale-bar__button--busy' : ''}`}
              onClick={() => void confirm()}
            >
              <Text>{recording ? '正在记录…' : '确认记录'}</Text>
            </View>
          )}
        </View>
      ) : null}
    </View>
  );
}
