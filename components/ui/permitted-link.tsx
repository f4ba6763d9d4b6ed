import Link from 'next/link';
import type { Role } from '@prisma/client';
import { can, type Permission } from '@/lib/auth/permissions';
import { buttonClass, type ButtonVariant } from './button';

/**
 * A button-styled link shown only to a role that may do what it leads to ("Open incident" for a
 * responder, nothing for an auditor). It hides; the page it links to still checks on its own.
 */
export function PermittedLink({
  role,
  permission,
  href,
  variant = 'primary',
  size,
  children,
}: {
  role: Role;
  permission: Permission;
  href: string;
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  children: React.ReactNode;
}) {
  if (!can(role, permission)) return null;
  return (
    <Link href={href} className={buttonClass(variant, size)}>
      {children}
    </Link>
  );
}
