import type { SaleView } from '~/types/functions/staff';
import type { StoreSaleDoc } from '~/types/staff';

/** A sale as the till shows it. */
export function toSaleView(sale: StoreSaleDoc): SaleView {
  return {
    saleId: sale._id,
    receiptNo: sale.receiptNo,
    storeName: sale.storeName,
    staffName: sale.staffName,
    amountFen: sale.amountFen,
    couponTitle: sale.couponTitle,
    couponDiscountFen: sale.couponDiscountFen,
    pointsUsed: sale.pointsUsed,
    pointsFen: sale.pointsFen,
    paidFen: sale.paidFen,
    pointsEarned: sale.pointsEarned,
    status: sale.status,
    createdAt: sale.createdAt,
    reversedAt: sale.reversedAt,
  };
}
