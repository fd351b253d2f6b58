import type { z } from 'zod';
import type { adminRequests, AdminResponses } from './admin';
import type { catalogRequests, CatalogResponses } from './catalog';
import type { couponsRequests, CouponsResponses } from './coupons';
import type { memberRequests, MemberResponses } from './member';
import type { ordersRequests, OrdersResponses } from './orders';
import type { pointsRequests, PointsResponses } from './points';
import type { rewardsRequests, RewardsResponses } from './rewards';
import type { staffRequests, StaffResponses } from './staff';
import type { marketingRequests, MarketingResponses } from './marketing';

/** Every client-callable cloud function: its request schemas and its responses, by action. */
export interface FunctionContracts {
  member: { requests: typeof memberRequests; responses: MemberResponses };
  admin: { requests: typeof adminRequests; responses: AdminResponses };
  points: { requests: typeof pointsRequests; responses: PointsResponses };
  rewards: { requests: typeof rewardsRequests; responses: RewardsResponses };
  coupons: { requests: typeof couponsRequests; responses: CouponsResponses };
  catalog: { requests: typeof catalogRequests; responses: CatalogResponses };
  orders: { requests: typeof ordersRequests; responses: OrdersResponses };
  staff: { requests: typeof staffRequests; responses: StaffResponses };
  marketing: { requests: typeof marketingRequests; responses: MarketingResponses };
}

export type FunctionName = keyof FunctionContracts;
export type ActionOf<F extends FunctionName> = keyof FunctionContracts[F]['requests'] & string;

type RequestSchema<F extends FunctionName, A extends ActionOf<F>> = FunctionContracts[F]['requests'][A];

/** The payload a caller sends for one action, without the `action` field. */
export type PayloadOf<F extends FunctionName, A extends ActionOf<F>> =
  RequestSchema<F, A> extends z.ZodType ? Omit<z.input<RequestSchema<F, A>>, 'action'> : never;

export type ResponseOf<F extends FunctionName, A extends ActionOf<F>> = A extends keyof FunctionContracts[F]['responses']
  ? FunctionContracts[F]['responses'][A]
  : never;
