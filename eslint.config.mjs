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
    // A test file holds one journey's cases and reads best whole: a wider (still bounded) limit.
    files: ['**/*.test.ts'],
    rules: { 'max-lines': ['error', { max: 600, skipBlankLines: true, skipComments: true }] },
  },
  {
    // The sample registry's demo catalogue is one data table (46 tools), not logic.
    files: ['sample-registry/demo-tools.ts'],
    rules: { 'max-lines': 'off' },
  },
  // Layering (shared/ARCHITECTURE.md §2): app → lib/server → (lib/domain, lib/db). Each rule
  // below is a boundary a reviewer would otherwise have to remember; `npm run lint` enforces them.
  {
    // The domain layer is pure: rules, tables and computations, no I/O of any kind. Hashing
    // (node:crypto) is computation; Prisma enums and types may be imported as types only.
    files: ['lib/domain/**/*.ts'],
    // Tests may read their fixture files; the code under test may not.
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@prisma/client',
              allowTypeImports: true,
              message: 'lib/domain is pure: import Prisma types with `import type`, never the client.',
            },
          ],
          patterns: [
            {
              group: [
                '@/lib/server',
                '@/lib/server/**',
                '@/lib/db',
                '@/lib/db/**',
                '@/lib/demo',
                '@/lib/demo/**',
                '@/lib/registries',
                '@/lib/registries/**',
                '@/lib/env',
                '@/lib/auth/**',
                '@/app/**',
                '@/components/**',
              ],
              message:
                'lib/domain is pure: it imports nothing from the layers that do I/O (move the I/O to lib/server and pass facts in).',
            },
            {
              group: [
                'node:*',
                '!node:crypto',
                'fs',
                'fs/*',
                'net',
                'http',
                'https',
                'http2',
                'child_process',
                'dgram',
                'dns',
                'dns/*',
                'tls',
                'worker_threads',
                'cluster',
                'os',
              ],
              message: 'lib/domain does no I/O (file, network, process): do it in lib/server and pass the result in.',
            },
            {
              group: [
                'pg',
                'pg-*',
                '@electric-sql/*',
                '@prisma/client/*',
                '@prisma/adapter-*',
                'pglite-prisma-adapter',
                'next',
                'next/*',
                'next-auth',
                'next-auth/*',
                'react',
                'react/*',
                'react-dom',
                'react-dom/*',
                'server-only',
              ],
              message: 'lib/domain is framework- and database-free.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'lib/domain does no network I/O.' },
        { name: 'WebSocket', message: 'lib/domain does no network I/O.' },
      ],
    },
  },
  {
    // Pages, layouts, actions, route handlers and components go through lib/server, never the database.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.int.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@prisma/client',
              allowTypeImports: true,
              message: 'Routes and components never hold a database client: call lib/server.',
            },
          ],
          patterns: [
            {
              group: ['@/lib/db', '@/lib/db/**', '@prisma/client/runtime/*'],
              message: 'Routes and components never import the database: call an operation in lib/server.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/^@\\/lib\\/db(\\/|$)/]',
          message: 'Routes and components never import the database, dynamically either.',
        },
      ],
    },
  },
  {
    // The database layer opens, migrates and hands out the client; it knows nothing above it
    // (demo seeding and first-admin bootstrap are start-up use cases, not the client's job).
    files: ['lib/db/**/*.ts'],
    ignores: ['lib/db/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/server', '@/lib/server/**', '@/lib/demo', '@/lib/demo/**', '@/app/**', '@/components/**'],
              message: 'lib/db imports nothing from lib/server, lib/demo or the app.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/^@\\/(lib\\/(server|demo)|app|components)(\\/|$)/]',
          message: 'lib/db imports nothing from lib/server, lib/demo or the app, dynamically either.',
        },
      ],
    },
  },
  {
    // No import cycles anywhere (dynamic imports included: a lazy import still couples the modules).
    files: ['**/*.{ts,tsx,mjs}'],
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: false }] },
  },
];

export default config;
