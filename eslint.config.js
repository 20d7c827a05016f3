import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layers by runtime: shared/ is portable, renderer/ is DOM, services are plain Node, and
// only the thin shell (main, preload) may import electron.
const noElectron = {
  paths: [
    { name: 'electron', message: 'Only electron/main.ts and electron/preload.ts may import electron.' },
  ],
};
const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'child_process', 'os', 'better-sqlite3'];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...noElectron, patterns: [...nodeBuiltins, '**/electron/**', '**/renderer/**', 'react'] },
      ],
    },
  },
  {
    // Playwright's fixture functions must destructure their (possibly empty) dependencies.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { ...noElectron, patterns: [...nodeBuiltins, '**/electron/**'] }],
    },
  },
);
