/** The product name shown on the login card, in the header and as the page title. */
export const PRODUCT_NAME = 'Loyalty Mall 会员运营后台';
