import type { StaffRole, StoreSaleDoc } from '~/types/staff';

export const ROLE_TEXT: Record<StaffRole, string> = { cashier: '收银员', manager: '店长' };

const SALE_STATUS_TEXT: Record<StoreSaleDoc['status'], string> = {
  processing: '处理中',
  recorded: '已记录',
  failing: '处理中',
  failed: '未成功',
  reversing: '撤销中',
  reversed: '已撤销',
};

/** A purchase's status as the till shows it. */
export function saleStatusText(status: StoreSaleDoc['status']): string {
  return SALE_STATUS_TEXT[status];
}

/** A code in groups of four, as it is read aloud: 「8602 4177 3501 1234 5678」. */
export function groupedDigits(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Only the digits of what was typed or pasted, at most `max` of them. */
export function digitsOnly(text: string, max: number): string {
  return text.replace(/\D/g, '').slice(0, max);
}

/** Seconds as 「4:05」. */
export function minutesSeconds(totalSeconds: number): string {
  const seconds = Math.max(0, totalSeconds);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
