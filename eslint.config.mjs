// ESLint 9 flat config: typescript-eslint's type-checked rules on the TypeScript (via tsconfig.json),
// ESLint's recommended rules on the few JavaScript files; eslint-config-prettier last, so no rule argues with Prettier.
import eslint from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['node_modules/', 'data/', 'coverage/', 'db/migrations/Migration*.ts', 'test/e2e/screenshots/']),

  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      // Off: here `async` without `await` is deliberate (fakes, in-memory stores and MikroORM's up() implement
      // Promise-returning interfaces, and a throw becomes a rejection); the rule only asks for Promise.resolve noise.
      '@typescript-eslint/require-await': 'off',
      // Off: a false positive on branded numbers (Kopecks = number & { __brand }); TypeScript already types the operand.
      '@typescript-eslint/no-unsafe-unary-minus': 'off',
      // The service logs JSON lines through core/kernel/log.ts; console is for the command-line tools only.
      'no-console': 'error',
    },
  },

  // Command-line tools print to the terminal.
  {
    files: ['bots/app/seed.ts', 'bots/app/operator-add.ts', 'db/migration-create.ts', 'test/bench/**', 'test/soak/**'],
    rules: { 'no-console': 'off' },
  },

  // botbuilder types Activity.type as string and ActivityTypes as a string enum: comparing them is its idiom.
  {
    files: ['bots/channels/botframework/**'],
    rules: { '@typescript-eslint/no-unsafe-enum-comparison': 'off' },
  },

  // Jest's describe blocks are long by nature.
  {
    files: ['test/**'],
    rules: { 'max-lines-per-function': 'off' },
  },

  // JavaScript: outside tsconfig.json, so no type information.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  // The web-chat loader (and the bot page's own script) runs in any customer's browser, written as ES5: its catch needs a binding, and console is the page's.
  {
    files: ['bots/channels/webchat/embed.js', 'bots/channels/webchat/page.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
    rules: { 'no-console': 'off', '@typescript-eslint/no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'none' }] },
  },
  { files: ['jest.config.js'], languageOptions: { sourceType: 'commonjs', globals: globals.node } },
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },

  prettier,
);
