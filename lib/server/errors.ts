import { ZodError } from 'zod';

export interface FieldIssue {
  path: string;
  message: string;
}

/** An error the user can act on; anything else is a 500 and is logged. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new AppError(403, 'forbidden', message);
export const unauthorized = (message = 'Sign in first') => new AppError(401, 'unauthorized', message);
export const conflict = (message: string) => new AppError(409, 'conflict', message);
export const badRequest = (message: string, issues: FieldIssue[] = []) => new AppError(400, 'invalid_input', message, issues);

export function issuesFromZod(error: ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

export function validationError(error: ZodError): AppError {
  const issues = issuesFromZod(error);
  const first = issues[0];
  return badRequest(first ? `${first.path}: ${first.message}` : 'Invalid input', issues);
}

/** Maps any thrown value to an HTTP status and a JSON body safe to show. */
export function toErrorBody(err: unknown): { status: number; body: { error: string; code: string; issues?: FieldIssue[] } } {
  if (err instanceof ZodError) err = validationError(err);
  if (err instanceof AppError) {
    return {
      status: err.status,
      body: { error: err.message, code: err.code, ...(err.issues.length ? { issues: err.issues } : {}) },
    };
  }
  console.error(err);
  return { status: 500, body: { error: 'Internal error', code: 'internal' } };
}
