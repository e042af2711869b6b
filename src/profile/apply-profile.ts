/**
 * Turn a checked ProfileSpec into a MarkerSet: `add` puts patterns beside the
 * built-in ones, `replace` drops the built-in ones. Pure; the patterns must
 * already have passed src/profile/regex-safety.ts (load-profile.ts does that).
 */
import { DEFAULT_MARKERS, type MarkerSet } from '../core/markers.js';
import type { PatternPatch, ProfileSpec } from './types.js';

const re = (source: string) => new RegExp(source, 'u');

/**
 * One regex matching any of `sources`. When every part is anchored with ^ the
 * ^ is hoisted out (`^(?:(?:a)|(?:b))`), so code that strips a leading ^ to
 * reuse `.source` mid-text (captions) keeps working.
 */
export function anyOf(sources: string[]): RegExp {
  if (sources.length === 1) return re(sources[0]!);
  if (sources.every((s) => s.startsWith('^'))) return re(`^(?:${sources.map((s) => `(?:${s.slice(1)})`).join('|')})`);
  return re(sources.map((s) => `(?:${s})`).join('|'));
}

/**
 * A RegExp that tries several regexes in turn, so each keeps its own capture
 * groups (the sign-off's group 1). `test` and `exec` both go through `exec`.
 */
export class FirstOf extends RegExp {
  constructor(readonly parts: RegExp[]) {
    super(parts.map((p) => `(?:${p.source})`).join('|'), 'u');
  }
  override exec(s: string): RegExpExecArray | null {
    for (const p of this.parts) {
      const m = p.exec(s);
      if (m) return m;
    }
    return null;
  }
}

function patchOne(base: RegExp, patch: PatternPatch | undefined, keepGroups = false): RegExp {
  if (!patch) return base;
  const parts = [...(patch.replace ?? [base.source]), ...(patch.add ?? [])];
  if (keepGroups) return parts.length === 1 ? re(parts[0]!) : new FirstOf(parts.map(re));
  return anyOf(parts);
}

export function applyProfile(spec: ProfileSpec, base: MarkerSet = DEFAULT_MARKERS): MarkerSet {
  const m = spec.markers ?? {};
  const dateline = m.dateline ? [...(m.dateline.replace?.map(re) ?? base.dateline), ...(m.dateline.add ?? []).map(re)] : base.dateline;
  const furniture = m.furniture
    ? [
        ...(m.furniture.replace?.map((f) => ({ role: f.role, pattern: re(f.pattern) })) ?? base.furniture),
        ...(m.furniture.add ?? []).map((f) => ({ role: f.role, pattern: re(f.pattern) })),
      ]
    : base.furniture;
  return {
    ...base,
    dateline,
    furniture,
    bylineRole: patchOne(base.bylineRole, m.bylineRole),
    bylineCredit: patchOne(base.bylineCredit, m.bylineCredit),
    creditLabel: patchOne(base.creditLabel, m.creditLabel),
    photoCredit: patchOne(base.photoCredit, m.photoCredit),
    photoShot: patchOne(base.photoShot, m.photoShot),
    photoStory: patchOne(base.photoStory, m.photoStory),
    signoff: patchOne(base.signoff, m.signoff, true),
    notSignoff: patchOne(base.notSignoff, m.notSignoff),
    jump: patchOne(base.jump, m.jump),
    caption: patchOne(base.caption, m.caption),
    section: patchOne(base.section, m.section),
  };
}
