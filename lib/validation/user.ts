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
