/**
 * The effective profile's fingerprint: sha256 of the profile's content, with
 * keys sorted (so re-indenting or re-ordering a profile file changes
 * nothing) and the profile it `extends` folded in. Recorded as
 * `tool.options.profileSha256` and in a batch manifest, so that a re-run
 * after a profile file was edited under the same `name` converts again
 * instead of keeping outputs made with the old rules.
 */
import { createHash } from 'node:crypto';
import type { ProfileSpec } from './types.js';

/** JSON with object keys sorted at every level. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fingerprint of `spec` built on a parent with fingerprint `parent` (null: the default rules). */
export function profileHash(spec: ProfileSpec, parent: string | null): string {
  return createHash('sha256').update(canonicalJson({ spec, parent })).digest('hex');
}
