/** The natural key of a member's favourite: one document per member and product, so a repeat is a no-op. */
export const favouriteId = (memberId: string, productId: string) => `${memberId}:${productId}`;
