import 'server-only';
import { Prisma } from '@prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZCreateUserInput, type TCreateUserInput } from '@/lib/validation/user';
import { userAuditView } from './user-admin-lock';

const duplicateEmail = () =>
  new AppError(409, 'conflict', 'A user with this email already exists', [
    { path: 'email', message: 'A user with this email already exists' },
  ]);

/** An admin creates a local user with an initial password (argon2id); the audit record never holds the hash. */
export async function createUser({ actor, input }: OperationCall<TCreateUserInput>, ctx?: OperationContextInput) {
  const { db: prisma } = await operationContext(ctx);
  const data = authorize(actor, 'user:manage', ZCreateUserInput, input);
  if (await prisma.user.findUnique({ where: { email: data.email }, select: { id: true } })) throw duplicateEmail();
  const passwordHash = await hashPassword(data.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, role: data.role, passwordHash },
        select: { id: true, email: true, name: true, role: true, active: true },
      });
      await recordAuditEvent(tx, actor, {
        action: 'user.created',
        entityType: 'User',
        entityId: user.id,
        after: userAuditView(user),
      });
      return user;
    });
  } catch (err) {
    // Two admins creating the same email at once: the unique index decides.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw duplicateEmail();
    throw err;
  }
}
