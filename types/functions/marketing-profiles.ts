/** Requests of the `marketing` function's profiles actions, each with its `action` literal and the admin's `token`. */
export const marketingProfilesRequests = {};

/** Responses of the `marketing` function's profiles actions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MarketingProfilesResponses {}
