import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const noSpa = { group: ['**/web/**'], message: 'The server never imports the SPA.' };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'drizzle/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The SPA may know the server's types, never its code: a value import would drag server modules
      // (and secrets handling) into the browser bundle.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/server'],
              allowTypeImports: true,
              message: 'The SPA imports types only from server/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noSpa] }],
    },
  },
  // The Xero module drops into any tRPC app: it may import itself, shared/ and packages, nothing else of ours
  // (not the app's accounts, routers, HTTP layer or tables). The emulator stands in for Xero: it imports
  // nothing of the app at all. A relative import that climbs out of the folder is what gives a leak away.
  ...[0, 1, 2].map((depth) => ({
    files: [`server/xero/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noSpa,
            {
              regex: `^(\\.\\./){${depth + 1}}(?!\\.\\./shared/)`,
              message: 'The Xero module imports only itself, shared/ and packages; the host passes in what it needs.',
            },
          ],
        },
      ],
    },
  })),
  ...[0, 1, 2].map((depth) => ({
    files: [`server/xero-emulator/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noSpa,
            { regex: `^(\\.\\./){${depth + 1}}`, message: 'The Xero emulator imports nothing from the app.' },
          ],
        },
      ],
    },
  })),
);
