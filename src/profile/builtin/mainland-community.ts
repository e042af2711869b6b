import type { ProfileSpec } from '../types.js';

/** The seed page's conventions (a Shanghai community paper): exactly the built-in markers. */
export const mainlandCommunity: ProfileSpec = {
  name: 'mainland-community',
  description: 'Mainland community and district papers: 本报讯, □ bylines, （街道党政办） sign-offs, 下转第X版. Same as the defaults.',
};
