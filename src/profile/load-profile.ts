/**
 * `--profile NAME|FILE.json`: find a profile (built-in name or JSON file),
 * check it (schema, then every pattern's safety) and build its MarkerSet.
 * Any problem is a ProfileError whose message is one line naming the field
 * (`/markers/dateline/add/0: nested quantifier …`); the CLI turns it into exit 2.
 */
import { resolve } from 'node:path';
import { fsReason } from '../io/fs-reason.js';
import { parseJson } from '../io/parse-json.js';
import { readRegularText } from '../io/read-regular.js';
import validateProfileFn from '../schema/generated/profile.validate.js';
import { DEFAULT_MARKERS, type MarkerSet } from '../core/markers.js';
import { applyProfile } from './apply-profile.js';
import { profileHash } from './profile-hash.js';
import { BUILTIN_PROFILES } from './builtin/index.js';
import { unsafePatternReason } from './regex-safety.js';
import type { Profile, ProfileSpec } from './types.js';

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

export const BUILTIN_PROFILE_NAMES = Object.keys(BUILTIN_PROFILES);

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** The first schema problem of `data` as "FIELD: what is wrong", or null. */
function schemaProblem(data: unknown): string | null {
  if (validateProfileFn(data)) return null;
  const errors = (validateProfileFn.errors ?? []) as AjvError[];
  // Prefer the most specific error (deepest path) so `oneOf`-style noise does not hide the field.
  const e = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  if (!e) return '/: invalid profile';
  const at = e.instancePath || '';
  if (e.keyword === 'required') return `${at}/${String(e.params['missingProperty'])}: missing required field`;
  if (e.keyword === 'additionalProperties') return `${at}/${String(e.params['additionalProperty'])}: unknown field`;
  if (e.keyword === 'enum') return `${at || '/'}: must be one of ${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return `${at || '/'}: ${e.message ?? 'invalid'}`;
}

/** Every pattern string of a spec with its JSON path. */
function* patternsOf(spec: ProfileSpec): Generator<[path: string, source: string, field: string]> {
  for (const [field, patch] of Object.entries(spec.markers ?? {})) {
    for (const op of ['add', 'replace'] as const) {
      const list = (patch as Record<string, unknown[] | undefined>)[op] ?? [];
      for (const [i, item] of list.entries()) {
        if (typeof item === 'string') yield [`/markers/${field}/${op}/${i}`, item, field];
        else yield [`/markers/${field}/${op}/${i}/pattern`, (item as { pattern: string }).pattern, field];
      }
    }
  }
}

/** Check a parsed profile (schema + regex safety); returns it typed, or throws ProfileError. */
export function checkProfile(data: unknown, label: string): ProfileSpec {
  const problem = schemaProblem(data);
  if (problem) throw new ProfileError(`profile ${label}: ${problem}`);
  const spec = data as ProfileSpec;
  for (const [path, source, field] of patternsOf(spec)) {
    const reason = unsafePatternReason(source);
    if (reason) throw new ProfileError(`profile ${label}: ${path}: ${reason}`);
    if (field === 'signoff' && new RegExp(`${source}|`, 'u').exec('')!.length < 2) {
      throw new ProfileError(`profile ${label}: ${path}: a sign-off pattern needs a capture group (group 1 is the sign-off text)`);
    }
  }
  if (spec.extends !== undefined && !(spec.extends in BUILTIN_PROFILES)) {
    throw new ProfileError(`profile ${label}: /extends: unknown built-in profile "${spec.extends}" (built-in: ${BUILTIN_PROFILE_NAMES.join(', ')})`);
  }
  return spec;
}

/** Build a Profile from a checked spec (resolving `extends` against the built-ins). */
export function buildProfile(spec: ProfileSpec, depth = 0): Profile {
  let base: MarkerSet = DEFAULT_MARKERS;
  let hints = {};
  let parentHash: string | null = null;
  if (spec.extends !== undefined) {
    if (depth > 4) throw new ProfileError(`profile ${spec.name}: /extends: too deep`);
    const parent = buildProfile(checkProfile(BUILTIN_PROFILES[spec.extends], spec.extends), depth + 1);
    base = parent.markers;
    hints = parent.hints;
    parentHash = parent.sha256;
  }
  return {
    name: spec.name,
    sha256: profileHash(spec, parentHash),
    description: spec.description ?? '',
    markers: applyProfile(spec, base),
    hints: { ...hints, ...(spec.hints ?? {}) },
    ...(spec.paper ? { paper: spec.paper } : {}),
    ...(spec.edition ? { edition: spec.edition } : {}),
  };
}

/** A built-in profile by name, checked like a file would be. */
export function builtinProfile(name: string): Profile {
  const spec = BUILTIN_PROFILES[name];
  if (!spec) throw new ProfileError(`profile ${name}: unknown profile (built-in: ${BUILTIN_PROFILE_NAMES.join(', ')}; or give a FILE.json)`);
  return buildProfile(checkProfile(spec, name));
}

/** Refuse a profile file any of whose patterns recheck finds can backtrack catastrophically. */
async function refuseBacktracking(spec: ProfileSpec, label: string): Promise<void> {
  const { backtrackingReason } = await import('./backtracking-check.js');
  for (const [path, source] of patternsOf(spec)) {
    const reason = await backtrackingReason(source);
    if (reason) throw new ProfileError(`profile ${label}: ${path}: ${reason}`);
  }
}

export interface LoadOptions {
  /**
   * The profile file has already passed the backtracking check in this run (a
   * batch's workers load the file the main thread checked), so skip that check.
   */
  backtrackingChecked?: boolean;
}

/** Whether a `--profile` argument names a file (anything with / or ending in .json) rather than a built-in. */
export function isProfileFile(nameOrPath: string): boolean {
  return /[/\\]|\.json$/i.test(nameOrPath);
}

/** The text of a profile file (a regular file only, as every file read by name). */
export async function readProfileText(nameOrPath: string, cwd: string): Promise<string> {
  try {
    return await readRegularText(resolve(cwd, nameOrPath));
  } catch (err) {
    throw new ProfileError(`profile ${nameOrPath}: cannot read (${fsReason(err)})`);
  }
}

/** A profile file's text, checked and built; `label` names it in messages. */
export async function profileFromText(text: string, label: string, options: LoadOptions = {}): Promise<Profile> {
  let data: unknown;
  try {
    data = parseJson(text);
  } catch (err) {
    throw new ProfileError(`profile ${label}: not valid JSON (${(err as Error).message})`);
  }
  const spec = checkProfile(data, label);
  if (!options.backtrackingChecked) await refuseBacktracking(spec, label);
  return buildProfile(spec);
}

/** `--profile` argument: a built-in name, or a path to a JSON file. */
export async function loadProfile(nameOrPath: string, cwd: string, options: LoadOptions = {}): Promise<Profile> {
  if (!isProfileFile(nameOrPath)) return builtinProfile(nameOrPath);
  return profileFromText(await readProfileText(nameOrPath, cwd), nameOrPath, options);
}
