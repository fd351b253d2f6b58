/** Requests of the `marketing` function's tags actions, each with its `action` literal and the admin's `token`. */
export const marketingTagsRequests = {};

/** Responses of the `marketing` function's tags actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MarketingTagsResponses {}
