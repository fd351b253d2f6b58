import { z } from 'zod';
import type { EpochMs, Points } from '../units';

const token = z.string().min(16).max(512);

/** Request schemas of the `admin` function, one per action. */
export const adminRequests = {
  bootstrapAdmin: z.strictObject({ action: z.literal('bootstrapAdmin') }),
  login: z.strictObject({
    action: z.literal('login'),
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  }),
  listMembers: z.strictObject({
    action: z.literal('listMembers'),
    token,
    keyword: z.string().trim().max(64).optional(),
    pageSize: z.number().int().min(1).max(100).default(20),
    /** Opaque cursor from the previous page's `nextCursor`. */
    cursor: z.string().max(128).optional(),
  }),
};

export interface AdminSession {
  token: string;
  expiresAt: EpochMs;
  admin: { username: string; role: 'owner' | 'operator' };
}

export interface MemberRow {
  memberId: string;
  memberNo: string;
  nickname: string;
  tierId: string;
  tierName: string;
  pointsAvailable: Points;
  joinedAt: EpochMs;
}

export interface AdminResponses {
  bootstrapAdmin: { created: boolean; username: string };
  login: AdminSession;
  listMembers: { items: MemberRow[]; nextCursor: string | null };
}
