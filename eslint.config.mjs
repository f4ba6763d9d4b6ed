import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next*/**', 'node_modules/**', '.data/**', 'data/**', 'next-env.d.ts', 'playwright-report/**', 'test-results/**'],
  },
  {
    rules: {
      // Small files named after what they hold (shared/CONVENTIONS.md).
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Data flows one way: the domain layer is pure and imports nothing from the others.
    files: ['lib/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@/lib/server/*', '@/lib/db/*', '@prisma/client', 'next/*', 'react'] }],
    },
  },
  {
    files: ['components/**/*.tsx', 'components/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@/lib/db/*', '@prisma/client/runtime/*'] }] },
  },
];

export default config;
