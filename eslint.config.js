// Lint rules. The architectural rules (docs/ARCHITECTURE.md "Layers"): src/core is pure — no React,
// zustand, recharts, comlink or DOM — and never uses Math.random (all randomness is seeded); every other
// layer may import only the layers below it, which `no-restricted-imports` checks per folder below.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettierConfig from 'eslint-config-prettier';

const UI_LIBS = ['react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'zustand/*', 'recharts'];
const layer = (name, forbidden) => ({
  group: forbidden,
  message: `${name} may not import this layer or library (docs/ARCHITECTURE.md "Layers").`,
});
/** `no-restricted-imports` for one layer: the folders and libraries it may not import. */
const restrict = (files, name, forbidden) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [layer(name, forbidden)] }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'public/**', 'test-results/**', 'runs-out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/state/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.worker } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react/*',
                'react-dom/*',
                'zustand',
                'zustand/*',
                'recharts',
                'comlink',
                '**/ui/**',
                '**/state/**',
                '**/workers/**',
              ],
              message:
                'src/core must stay pure (docs/ARCHITECTURE.md convention 1): no UI, store, chart or worker-bridge imports.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use the seeded rng in src/core/rng (docs/ARCHITECTURE.md convention 7).',
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage'],
    },
  },
  // Generic infrastructure (worker lifecycle, heartbeat): no app code at all.
  restrict(['src/lib/**/*.ts'], 'src/lib', [
    ...UI_LIBS,
    '**/core/**',
    '**/protocol/**',
    '**/storage/**',
    '**/state/**',
    '**/ui/**',
    '**/cli/**',
    '**/workers/**',
  ]),
  // The worker protocol: types and constants; worker modules only as `import type` (erased at build).
  {
    files: ['src/protocol/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('src/protocol', [...UI_LIBS, 'comlink', '**/storage/**', '**/state/**', '**/ui/**', '**/cli/**']),
            { ...layer('src/protocol', ['**/workers/**']), allowTypeImports: true },
          ],
        },
      ],
    },
  },
  restrict(['src/storage/**/*.ts'], 'src/storage', [
    ...UI_LIBS,
    'comlink',
    '**/state/**',
    '**/ui/**',
    '**/cli/**',
    '**/workers/**',
  ]),
  restrict(['workers/**/*.ts'], 'workers/', [...UI_LIBS, '**/src/state/**', '**/src/ui/**', '**/src/cli/**']),
  restrict(['src/state/**/*.ts'], 'src/state', [
    'react-dom',
    'recharts',
    'comlink',
    '**/storage/**',
    '**/ui/**',
    '**/cli/**',
    '**/workers/**',
  ]),
  // The page reaches workers only through src/protocol (a worker file is started with new URL(…), not imported).
  restrict(['src/ui/**/*.{ts,tsx}'], 'src/ui', ['**/workers/**', '**/cli/**']),
  restrict(['src/cli/**/*.ts'], 'src/cli', [...UI_LIBS, 'comlink', '**/state/**', '**/ui/**']),
  prettierConfig,
);
