// Type-aware lint: floating promises are errors (a forgotten await hides a failing check). The layering
// (which folder may import which, through index.ts; no cycles) comes from scripts/layers.js.
import tseslint from 'typescript-eslint';
import layerZones from './scripts/layer-zones.js';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'reports/**',
      'contracts/pacts/**',
      'eslint.config.mjs',
      'bin/**',
      'scripts/**/*.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]',
          message: 'focused or skipped tests make a green run meaningless',
        },
      ],
    },
  },
  {
    // The example drivers are plain CommonJS a merchant runs with `node` (examples/clients/README.md).
    files: ['examples/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...layerZones.layerConfig(import.meta.dirname),
);
