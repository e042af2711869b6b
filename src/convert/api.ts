/**
 * The library's entry for every input format (`import … from 'news-parse/convert'`):
 * the same road the CLI takes — PDF, ALTO, hOCR and text, profiles, script
 * conversion, schema check. `news-parse` itself (src/index.ts) parses text and
 * positioned lines only; it sits below this layer and cannot import it.
 *
 *   const settings = { ...defaultSettings(process.cwd()), profile: 'hk-tw' };
 *   for await (const page of convertFile({ path: 'issue.pdf', bytes }, settings)) …
 */
export { convertFile, convertPage, type PageResult, type PageSource } from './convert-page.js';
export { defaultSettings, type ConvertSettings } from './settings.js';
