/**
 * A page parameter as it was meant: links encode their values (a coupon id has a colon), and
 * WeChat and the H5 router hand them over still encoded. A value that is not valid encoding is
 * taken as it is.
 */
export function routeParam(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
