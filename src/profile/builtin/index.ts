/** The built-in profiles, by name. Each goes through the same checks as a profile file. */
import type { ProfileSpec } from '../types.js';
import { hkTw } from './hk-tw.js';
import { mainlandCentral } from './mainland-central.js';
import { mainlandCommunity } from './mainland-community.js';

export const BUILTIN_PROFILES: Readonly<Record<string, ProfileSpec>> = {
  'mainland-community': mainlandCommunity,
  'mainland-central': mainlandCentral,
  'hk-tw': hkTw,
};
