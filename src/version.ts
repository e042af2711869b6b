/** Kept in step with package.json by tests/version.test.ts; read at no cost at start-up. */
export const VERSION = '0.1.0';
