// The linter's configuration and packages are in tools/lint (see its package.json for why).
export { default } from './tools/lint/eslint.config.js';
