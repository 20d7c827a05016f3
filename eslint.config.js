import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Layers by runtime (docs/architecture.md): shared/ is portable, renderer/ is the page,
// electron/ is Node, and only main.ts and preload.ts import electron at run time (other
// files may `import type` from it: main.ts hands them the modules). tests/unit/layers.test.ts
// feeds each forbidden import to ESLint and expects the error.
const rule = '@typescript-eslint/no-restricted-imports';

/** Every Node built-in (from Node itself, so none is missed): bare names, and any `node:` one. */
const nodeBuiltinNames = builtinModules.filter((m) => !m.startsWith('node:'));
const builtins = (message) => ({
  paths: nodeBuiltinNames.map((name) => ({ name, message })),
  patterns: [{ group: ['node:*'], message }],
});

const ELECTRON = {
  name: 'electron',
  message: 'Only electron/main.ts and electron/preload.ts import electron (others may `import type` it).',
  allowTypeImports: true,
};
const REACT = [
  {
    group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'recharts'],
    message: 'React belongs to renderer/ only.',
  },
  { group: ['**/renderer', '**/renderer/**'], message: 'electron/ never imports the page (renderer/).' },
];

/** One complete rule setting per layer (flat config does not merge a rule's options). */
const layer = (files, { paths = [], patterns = [] }, ignores) => ({
  files,
  ...(ignores ? { ignores } : {}),
  rules: { [rule]: ['error', { paths, patterns }] },
});

const sharedBuiltins = builtins('shared/ runs in the browser too: no Node built-ins.');
const rendererBuiltins = builtins(
  'renderer/ is the page: no Node built-ins; ask the services through renderer/api.ts.',
);

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
  layer(['electron/main.ts', 'electron/preload.ts'], { patterns: REACT }),
  layer(['electron/**/*.ts'], { paths: [ELECTRON], patterns: REACT }, [
    'electron/main.ts',
    'electron/preload.ts',
    'electron/db/**',
  ]),
  layer(['electron/db/**/*.ts'], {
    paths: [ELECTRON],
    patterns: [
      ...REACT,
      {
        group: ['**/services', '**/services/**'],
        message: 'electron/db/ is below the services: it never imports them.',
      },
    ],
  }),
  layer(['shared/**/*.ts'], {
    paths: [
      ...sharedBuiltins.paths,
      { name: 'electron', message: 'shared/ runs in the browser too: no electron.' },
      { name: 'electron-store', message: 'shared/ runs in the browser too: no electron-store.' },
      { name: 'better-sqlite3', message: 'shared/ runs in the browser too: no database.' },
    ],
    patterns: [
      ...sharedBuiltins.patterns,
      { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports only shared/ (and zod).' },
      { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'shared/ has no React.' },
    ],
  }),
  layer(['renderer/**/*.{ts,tsx}'], {
    paths: [
      ...rendererBuiltins.paths,
      {
        name: 'electron',
        message: 'renderer/ reaches the shell only through window.pamoja (renderer/api.ts).',
      },
      { name: 'electron-store', message: 'renderer/ keeps its preferences in localStorage.' },
      { name: 'better-sqlite3', message: 'renderer/ asks the services through renderer/api.ts.' },
    ],
    patterns: [
      ...rendererBuiltins.patterns,
      { group: ['**/electron/**'], message: 'renderer/ asks the services through renderer/api.ts.' },
    ],
  }),
  {
    // Playwright's fixture functions must destructure their (possibly empty) dependencies.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
