/** Requests of the `marketing` function's campaigns actions, each with its `action` literal and the admin's `token`. */
export const marketingCampaignsRequests = {};

/** Responses of the `marketing` function's campaigns actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MarketingCampaignsResponses {}
