// ESLint (flat config): typescript-eslint's recommended rules, and the type-aware ones that catch
// real bugs in a server that awaits a database everywhere: a promise nobody awaits or catches, a
// promise passed where a callback's result is ignored, an await of something that is not one.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.cache/', 'bench/', 'coverage/', 'explorer/dist/', '**/*.js', '!eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Control characters in patterns are deliberate: input validation finds and refuses them.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests and the benchmark read GraphQL answers as JSON and check them by value (toEqual, the
    // peer server's answers): typing every answer there would repeat the schema for nothing.
    files: ['test/**', 'scripts/bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
