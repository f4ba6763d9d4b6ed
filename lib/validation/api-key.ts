import { z } from 'zod';
import { zText } from './text';

export const API_KEY_SCOPES = ['ENFORCE', 'INGEST', 'READ'] as const;
export type TApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** tl_<scope-ish>_<random>: the middle part tells people what a leaked key was for. */
export const API_KEY_PATTERN = /^tl_[a-z]+(?:_[a-z]+)?_[A-Za-z0-9]{16,128}$/;

export const ZCreateApiKeyInput = z.object({
  name: zText({ error: 'Name is required' })
    .trim()
    .min(3, 'Name must be at least 3 characters')
    .max(100, 'Name must be at most 100 characters'),
  scopes: z
    .preprocess(
      (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(API_KEY_SCOPES, { error: 'Unknown scope' })),
    )
    .pipe(z.array(z.enum(API_KEY_SCOPES)).min(1, 'Choose at least one scope')),
  agentId: z.preprocess((v) => (v === '' ? undefined : v), zText().min(1).max(100).optional()),
  expiresInDays: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : v),
    z.coerce.number().int('Whole days only').min(1, 'At least 1 day').max(730, 'At most 730 days').optional(),
  ),
});
export type TCreateApiKeyInput = z.infer<typeof ZCreateApiKeyInput>;

export const ZRevokeApiKeyInput = z.object({ id: zText().min(1, 'Key id is required').max(100) });
export type TRevokeApiKeyInput = z.infer<typeof ZRevokeApiKeyInput>;
