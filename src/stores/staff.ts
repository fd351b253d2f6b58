import { create } from 'zustand';
import type { DaySummary, MemberCard, PickupView, SaleQuote, SaleView, StaffMe, StaffResponses } from '~/types/functions/staff';
import type { CloudError } from '../services/cloud';
import { isCloudError } from '../services/cloud';
import type { SaleInput } from '../services/staff';
import * as staffService from '../services/staff';
import type { Loadable } from './loadable';
import { idle, loadInto } from './loadable';
import type { Failure, Outcome } from './outcome';
import { attempt, failed, succeeded, toCloudError } from './outcome';

export type { SaleInput } from '../services/staff';

/** Whether the caller is staff: `none` for everyone the server answers NOT_STAFF. */
export type MeStatus = 'idle' | 'loading' | 'staff' | 'none' | 'error';

/** The last quote asked for, with what it was asked for: a confirm records exactly that input. */
export interface QuoteState {
  input: SaleInput;
  status: 'loading' | 'ready' | 'error';
  /** The answer, or while a new one is on its way the previous one. */
  data: SaleQuote | null;
  error: CloudError | null;
}

export type RecordedSale = StaffResponses['recordSale'];

export interface StaffState {
  meStatus: MeStatus;
  me: StaffMe | null;
  meError: CloudError | null;
  /** The member card of the current till session. */
  card: Loadable<MemberCard>;
  /** The server said the current session has run out: the member's code has to be scanned again. */
  sessionExpired: boolean;
  quote: QuoteState | null;
  summary: Loadable<DaySummary>;
  /** What an action is running on: `scan`, `invite`, `sale`, a coupon, a redemption, a pickup code or a sale id. */
  busy: string | null;
  /** Loads the caller's staff identity; NOT_STAFF answers null. */
  loadMe: () => Promise<Outcome<StaffMe | null>>;
  redeemInvite: (code: string) => Promise<Outcome<StaffMe>>;
  /** Scans a member code and opens a till session with its card. */
  scan: (code: string) => Promise<Outcome<MemberCard>>;
  /** Loads the card of a session; another session's card on screen is dropped first. */
  loadCard: (sessionId: string) => Promise<Outcome<MemberCard>>;
  /** Quotes a purchase; only the answer to the latest request is kept. */
  quoteSale: (input: SaleInput) => Promise<Outcome<SaleQuote>>;
  clearQuote: () => void;
  recordSale: (input: SaleInput & { receiptNo: string }) => Promise<Outcome<RecordedSale>>;
  writeOffCoupon: (sessionId: string, instanceId: string) => Promise<Outcome<StaffResponses['writeOffCoupon']>>;
  handOverRedemption: (sessionId: string, redemptionId: string) => Promise<Outcome<PickupView>>;
  lookupPickup: (code: string) => Promise<Outcome<PickupView>>;
  handOverByCode: (code: string) => Promise<Outcome<PickupView>>;
  loadSummary: () => Promise<Outcome<DaySummary>>;
  /** A manager reverses one of today's purchases; the summary is read again. */
  reverseSale: (saleId: string, reason: string) => Promise<Outcome<SaleView>>;
}

/** Loads into a loadable and answers the value or the failure, for pages that act on it. */
async function loadOutcome<T>(read: () => Loadable<T>, write: (value: Loadable<T>) => void, fetch: () => Promise<T>): Promise<Outcome<T>> {
  const result: { outcome: Outcome<T> } = { outcome: failed(new Error('the load did not run')) };
  await loadInto(read, write, async () => {
    try {
      const value = await fetch();
      result.outcome = succeeded(value);
      return value;
    } catch (err) {
      result.outcome = failed(err);
      throw err;
    }
  });
  return result.outcome;
}

/** Answers from older quotes are dropped: only the latest request's quote is shown. */
let quoteSeq = 0;

/** The store staff area: who the caller is at which store, the till session's member card, quotes, and today's summary. */
export const useStaffStore = create<StaffState>()((set, get) => {
  /** Runs one action at a time; a refusal because the session ran out is remembered for the pages. */
  const act = async <T>(busy: string, work: () => Promise<T>): Promise<Outcome<T>> => {
    if (get().busy) return failed(new Error('another staff action is in progress'));
    set({ busy });
    try {
      const outcome = await attempt(work);
      if (!outcome.ok) noteExpiry(outcome);
      return outcome;
    } finally {
      set({ busy: null });
    }
  };

  const noteExpiry = (failure: Failure) => {
    if (failure.code === 'TILL_SESSION_EXPIRED') set({ sessionExpired: true });
  };

  /** Changes the card on screen, if it is still the one of this session. */
  const updateCard = (sessionId: string, change: (card: MemberCard) => MemberCard) => {
    const { card } = get();
    if (card.data?.sessionId === sessionId) set({ card: { ...card, data: change(card.data) } });
  };

  return {
    meStatus: 'idle',
    me: null,
    meError: null,
    card: idle(),
    sessionExpired: false,
    quote: null,
    summary: idle(),
    busy: null,

    loadMe: async () => {
      if (!get().me) set({ meStatus: 'loading' });
      set({ meError: null });
      try {
        const me = await staffService.getMe();
        set({ meStatus: 'staff', me });
        return succeeded(me);
      } catch (err) {
        if (isCloudError(err, 'NOT_STAFF')) {
          set({ meStatus: 'none', me: null });
          return succeeded(null);
        }
        const error = toCloudError(err);
        // A disabled account loses the till at once; a network failure keeps what is on screen.
        set(get().me && error.code !== 'STAFF_DISABLED' ? { meError: error } : { meStatus: 'error', me: null, meError: error });
        return failed(error);
      }
    },

    redeemInvite: (code) =>
      act('invite', async () => {
        const me = await staffService.redeemInvite(code);
        set({ meStatus: 'staff', me, meError: null });
        return me;
      }),

    scan: (code) =>
      act('scan', async () => {
        const card = await staffService.scan(code);
        set({ card: { status: 'ready', data: card, error: null }, sessionExpired: false, quote: null });
        return card;
      }),

    loadCard: async (sessionId) => {
      if (get().card.data?.sessionId !== sessionId) set({ card: idle(), sessionExpired: false, quote: null });
      const outcome = await loadOutcome(
        () => get().card,
        (card) => set({ card }),
        () => staffService.getMemberCard(sessionId),
      );
      if (!outcome.ok) noteExpiry(outcome);
      return outcome;
    },

    quoteSale: async (input) => {
      quoteSeq += 1;
      const seq = quoteSeq;
      set({ quote: { input, status: 'loading', data: get().quote?.data ?? null, error: null } });
      const outcome = await attempt(() => staffService.quoteSale(input));
      if (seq !== quoteSeq) return outcome;
      if (outcome.ok) {
        set({ quote: { input, status: 'ready', data: outcome.value, error: null } });
      } else {
        noteExpiry(outcome);
        set({ quote: { input, status: 'error', data: null, error: outcome.error } });
      }
      return outcome;
    },

    clearQuote: () => {
      quoteSeq += 1;
      set({ quote: null });
    },

    recordSale: (input) =>
      act('sale', async () => {
        const sale = await staffService.recordSale(input);
        get().clearQuote();
        // Points and the coupon changed: the card reads them again, and the day's figures are stale.
        set({ summary: idle() });
        void get().loadCard(input.sessionId);
        return sale;
      }),

    writeOffCoupon: (sessionId, instanceId) =>
      act(instanceId, async () => {
        const done = await staffService.writeOffCoupon(sessionId, instanceId);
        updateCard(sessionId, (card) => ({ ...card, coupons: card.coupons.filter((coupon) => coupon.instanceId !== instanceId) }));
        return done;
      }),

    handOverRedemption: (sessionId, redemptionId) =>
      act(redemptionId, async () => {
        const view = await staffService.handOverRedemption(sessionId, redemptionId);
        updateCard(sessionId, (card) => ({ ...card, pickups: card.pickups.filter((item) => item.redemptionId !== redemptionId) }));
        return view;
      }),

    lookupPickup: (code) => act(`lookup:${code}`, () => staffService.lookupPickup(code)),

    handOverByCode: (code) => act(`pickup:${code}`, () => staffService.handOverByCode(code)),

    loadSummary: () =>
      loadOutcome(
        () => get().summary,
        (summary) => set({ summary }),
        () => staffService.getSummary(),
      ),

    reverseSale: (saleId, reason) =>
      act(saleId, async () => {
        const sale = await staffService.reverseSale(saleId, reason);
        const { summary } = get();
        if (summary.data) {
          const recent = summary.data.recent.map((row) => (row.saleId === saleId ? { ...row, ...sale, reversible: false } : row));
          set({ summary: { ...summary, data: { ...summary.data, recent } } });
        }
        void get().loadSummary();
        return sale;
      }),
  };
});
