/** Requests of the `marketing` function's segments actions, each with its `action` literal and the admin's `token`. */
export const marketingSegmentsRequests = {};

/** Responses of the `marketing` function's segments actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MarketingSegmentsResponses {}
