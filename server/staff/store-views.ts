import type { StoreDetailRow } from '~/types/functions/admin-staff';
import type { StoreDoc } from '~/types/orders';

/** A store as the admin page lists and edits it. */
export function toStoreRow(store: StoreDoc): StoreDetailRow {
  return {
    storeId: store._id,
    name: store.name,
    address: store.address,
    status: store.status,
    phone: store.phone,
    openHours: store.openHours,
    location: store.location ?? null,
    pickupEnabled: store.pickupEnabled !== false,
    pointsPendingDays: store.pointsPendingDays ?? null,
    updatedAt: store.updatedAt ?? null,
  };
}

/** A store's editable fields, for audit entries. */
export function storeFieldsView(store: StoreDoc): Record<string, unknown> {
  const { storeId: _id, updatedAt: _at, ...fields } = toStoreRow(store);
  return fields;
}
