import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import lit from 'eslint-plugin-lit';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/coverage/**', '**/test-results/**', '**/playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', 'server/**/*.ts', 'e2e/**/*.ts', '**/*.config.ts', 'packages/*/bench/**/*.ts'],
    languageOptions: { globals: globals.node },
  },
  { files: ['widget/**/*.ts'], ...lit.configs['flat/recommended'] },
  { files: ['widget/src/**/*.ts', 'demo/public/**/*.js'], languageOptions: { globals: globals.browser } },
  { files: ['widget/test/**/*.ts'], languageOptions: { globals: { ...globals.browser, ...globals.mocha } } },
  {
    // The engine is pure: time and randomness come in as arguments, never from globals.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'core is pure: take `at` as an argument.' },
        { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: 'core is pure: take `at` as an argument.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'core is pure: no randomness.' },
      ],
      'no-restricted-globals': ['error', 'fetch', 'process', 'setTimeout', 'setInterval'],
    },
  },
);
