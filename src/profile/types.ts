/** A newspaper profile as written in a JSON file (schemas/profile.schema.json). */
export interface PatternPatch {
  add?: string[];
  replace?: string[];
}

export type FurnitureRoleName = 'page-number' | 'edition' | 'date' | 'editor' | 'label';

export interface ProfileSpec {
  $schema?: string;
  name: string;
  description?: string;
  /** A built-in profile to start from. */
  extends?: string;
  markers?: {
    dateline?: PatternPatch;
    bylineRole?: PatternPatch;
    bylineCredit?: PatternPatch;
    creditLabel?: PatternPatch;
    photoCredit?: PatternPatch;
    photoShot?: PatternPatch;
    photoStory?: PatternPatch;
    signoff?: PatternPatch;
    notSignoff?: PatternPatch;
    jump?: PatternPatch;
    caption?: PatternPatch;
    section?: PatternPatch;
    furniture?: { add?: { role: FurnitureRoleName; pattern: string }[]; replace?: { role: FurnitureRoleName; pattern: string }[] };
  };
  hints?: { columnWidth?: number };
  /** The paper's code in stable ids (the default of --paper). */
  paper?: string;
  /** The edition code in stable ids (the default of --edition). */
  edition?: string;
}

/** A profile ready to use: its marker set and hints. */
export interface Profile {
  name: string;
  /** The effective profile's fingerprint (src/profile/profile-hash.ts): what a re-run compares, since a file can change under the same name. */
  sha256: string;
  description: string;
  markers: import('../core/markers.js').MarkerSet;
  hints: { columnWidth?: number };
  /** Issue identity defaults: --paper and --edition win over them. */
  paper?: string;
  edition?: string;
}
