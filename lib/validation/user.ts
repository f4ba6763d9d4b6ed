import { z } from 'zod';
import { zText } from './text';

export const ROLES = ['ADMIN', 'COMPLIANCE_OFFICER', 'SECURITY_REVIEWER', 'AUDITOR'] as const;

/** Long passphrases beat complexity rules (NIST SP 800-63B): a length floor, no composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
const ZNewPassword = zText()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(1024, 'Use at most 1024 characters');

const ZRole = z.enum(ROLES, 'Choose a role');
const ZUserId = zText().trim().min(1, 'Choose a user').max(64);

export const ZCreateUserInput = z.object({
  name: zText().trim().min(1, 'Enter a name').max(120, 'Use at most 120 characters'),
  email: zText().trim().toLowerCase().email('Enter a valid email address').max(254),
  role: ZRole,
  password: ZNewPassword,
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZUpdateUserRoleInput = z.object({ userId: ZUserId, role: ZRole });
export type TUpdateUserRoleInput = z.infer<typeof ZUpdateUserRoleInput>;

// Forms send "true"/"false"; programmatic callers send booleans.
const ZBooleanish = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const ZSetUserActiveInput = z.object({ userId: ZUserId, active: ZBooleanish });
export type TSetUserActiveInput = z.infer<typeof ZSetUserActiveInput>;

export const ZResetUserPasswordInput = z.object({ userId: ZUserId, password: ZNewPassword });
export type TResetUserPasswordInput = z.infer<typeof ZResetUserPasswordInput>;

export const ZChangeOwnPasswordInput = z
  .object({
    currentPassword: zText().min(1, 'Enter your current password').max(1024),
    newPassword: ZNewPassword,
    confirmPassword: zText().max(1024),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The passwords do not match' })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from the current one',
  });
export type TChangeOwnPasswordInput = z.infer<typeof ZChangeOwnPasswordInput>;

export const ZApproveSsoLinkInput = z.object({ userId: ZUserId });
export type TApproveSsoLinkInput = z.infer<typeof ZApproveSsoLinkInput>;

/** The user list: searched by name or email, filtered by role and status, paged (the page and the API share it). */
export const ZListUsersQuery = z.object({
  q: zText().trim().max(200, 'Use at most 200 characters').optional(),
  role: z.enum(ROLES, { error: 'Unknown role' }).optional(),
  status: z.enum(['active', 'deactivated'], { error: 'Use active or deactivated' }).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListUsersQuery = z.input<typeof ZListUsersQuery>;
