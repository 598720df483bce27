import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'bench/results', 'tmp', '.stryker-tmp', 'reports'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The domain core is pure: no I/O, nothing from the shell.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/modules/**', '**/platform/**', '**/web/**'], message: 'The domain core imports nothing from the shell.' },
          { group: ['node:*', 'fs', 'path', 'http', 'pg', 'kysely', 'fastify', '@electric-sql/*'], message: 'The domain core does no I/O.' },
        ],
      }],
    },
  },
  {
    // The platform is infrastructure: it knows the module contract (src/platform/module.ts), never a module.
    files: ['src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/modules/**', '**/app/**'], message: 'src/platform imports no module and not the composition root: take it as an argument (ModuleDescriptor) or make it a platform service. See docs/modules.md.' },
        ],
      }],
    },
  },
  {
    // Modules use each other only through the other module's index.ts (its descriptor and public API).
    files: ['src/modules/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../*/**', '!../*/index.ts', '!../../**', '../../modules/*/**', '!../../modules/*/index.ts'], message: "Import another module only through its index.ts (e.g. '../trajectories/index.ts'); export what it may use from there. See docs/modules.md." },
          { group: ['**/app/**'], message: 'Modules do not import the composition root (src/app).' },
        ],
      }],
    },
  },
);
