/**
 * Which build of the code this is: a hash of the compiled JavaScript, which
 * scripts/stamp-build.mjs writes into dist/build-id.js after tsc. A batch's
 * manifest records it, so a re-run after the code changed under the same
 * version number converts every page again instead of keeping outputs the new
 * code would not produce. Run from source (the tests), it reads 'source'.
 */
export const BUILD_ID: string = 'source';
