import { adminRequests } from '~/types/functions/admin';
import type { Routes } from '../runtime/wx';
import { createWxHandler } from '../runtime/wx';
import { bootstrapAdmin } from './bootstrap-admin';
import { listMembers } from './list-members';
import { loginAdmin, requireAdmin } from './session';

/** Routes of the `admin` function: everything but bootstrap and login needs a valid session token. */
export const adminRoutes: Routes<'admin'> = {
  bootstrapAdmin: (_input, ctx) => bootstrapAdmin(ctx),
  login: (input, ctx) => loginAdmin(input, ctx),
  listMembers: (input, ctx) => {
    requireAdmin(input.token, ctx);
    return listMembers(input, ctx);
  },
};

/** The `admin` cloud function's main. */
export const adminMain = createWxHandler<'admin'>(adminRequests, adminRoutes);
