/**
 * Pairing predicted articles with gold articles. Its own module because the
 * pairing decides every other article-level score: fields, paragraphs and CER
 * are only compared inside a pair.
 *
 * - Similarity of a pair is 2·LCS/(|gold| + |predicted|) over body text with
 *   whitespace removed (`lcsSimilarity`).
 * - A pair may match only when its similarity is at least the threshold
 *   (MATCH_THRESHOLD by default, STRICT_MATCH_THRESHOLD for the strict report).
 * - Among those, the one-to-one assignment with the greatest total similarity
 *   is chosen (Hungarian algorithm), so one good match never steals the only
 *   partner of another article.
 *
 * Splits and merges are read off the same LCS table (see `countSplitsMerges`).
 */

/**
 * Least body similarity for a predicted and a gold article to count as the
 * same article, by default (`--match` changes it). Half the text in common
 * pairs an article that lost or gained a few paragraphs, so that its fields
 * and paragraphs are still scored.
 */
export const MATCH_THRESHOLD = 0.5;

/**
 * The strict report's threshold: an article counts as found only when its
 * body is nearly all there (at most about a tenth of its characters missing,
 * extra or different). Every report gives both, so that a page read half right
 * is not mistaken for a page read right.
 */
export const STRICT_MATCH_THRESHOLD = 0.9;

/**
 * A predicted article is a *piece* of a gold article when at least PIECE_SHARE
 * of the predicted text is common with the gold text (LCS) and that common part
 * is at least PIECE_MIN_SHARE of the gold text. Symmetrically for a gold article
 * inside a predicted one. The second condition keeps a stray fragment of a few
 * characters from counting as a piece.
 */
export const PIECE_SHARE = 0.5;
export const PIECE_MIN_SHARE = 0.1;

/**
 * Match gold and predicted articles one-to-one.
 *
 * @param similarity similarity[g][p], in [0, 1].
 * @param threshold least similarity of a pair.
 * @returns the matched [gold, predicted] index pairs, sorted by gold index.
 */
export function matchArticles(similarity: number[][], threshold = MATCH_THRESHOLD): [number, number][] {
  const rows = similarity.length;
  const cols = rows === 0 ? 0 : similarity[0]!.length;
  if (rows === 0 || cols === 0) return [];
  const weight = (g: number, p: number) => {
    const s = similarity[g]![p]!;
    return s >= threshold ? s : 0;
  };
  // The Hungarian solver wants rows ≤ columns; transpose when there are more gold than predicted.
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  const cost = (i: number, j: number) => -(transpose ? weight(j, i) : weight(i, j));
  const assignment = hungarian(n, m, cost);
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const j = assignment[i]!;
    const [g, p] = transpose ? [j, i] : [i, j];
    if (weight(g, p) > 0) pairs.push([g, p]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

/**
 * Minimum-cost assignment of n rows to distinct columns among m ≥ n
 * (Kuhn–Munkres with potentials, O(n²·m)). Returns the column of each row.
 */
function hungarian(n: number, m: number, cost: (i: number, j: number) => number): number[] {
  const INF = Number.POSITIVE_INFINITY;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const rowOf = new Int32Array(m + 1); // rowOf[j] = 1-based row assigned to column j, 0 = none
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    rowOf[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(INF);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = rowOf[j0]!;
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (cur < minv[j]!) (minv[j] = cur), (way[j] = j0);
        if (minv[j]! < delta) (delta = minv[j]!), (j1 = j);
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) (u[rowOf[j]!]! += delta), (v[j]! -= delta);
        else minv[j]! -= delta;
      }
      j0 = j1;
    } while (rowOf[j0] !== 0);
    do {
      const j1 = way[j0]!;
      rowOf[j0] = rowOf[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const columnOf = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (rowOf[j]! > 0) columnOf[rowOf[j]! - 1] = j - 1;
  return columnOf;
}

/**
 * Splits and merges, defined by character overlap (LCS):
 *
 * - gold g is *split* when two or more predicted articles p are pieces of it:
 *   lcs(g,p) ≥ PIECE_SHARE·|p| and lcs(g,p) ≥ PIECE_MIN_SHARE·|g|;
 * - predicted p is a *merge* when two or more gold articles g lie mostly inside it:
 *   lcs(g,p) ≥ PIECE_SHARE·|g| and lcs(g,p) ≥ PIECE_MIN_SHARE·|p|.
 *
 * @param lcs lcs[g][p], the LCS length of the two body texts.
 * @param goldLength body length of each gold article.
 * @param predictedLength body length of each predicted article.
 */
export function countSplitsMerges(
  lcs: number[][],
  goldLength: number[],
  predictedLength: number[],
): { splits: number[]; merges: number[] } {
  const splits: number[] = [];
  const merges: number[] = [];
  for (let g = 0; g < goldLength.length; g++) {
    let pieces = 0;
    for (let p = 0; p < predictedLength.length; p++) {
      const l = lcs[g]![p]!;
      if (l > 0 && l >= PIECE_SHARE * predictedLength[p]! && l >= PIECE_MIN_SHARE * goldLength[g]!) pieces++;
    }
    if (pieces >= 2) splits.push(g);
  }
  for (let p = 0; p < predictedLength.length; p++) {
    let held = 0;
    for (let g = 0; g < goldLength.length; g++) {
      const l = lcs[g]![p]!;
      if (l > 0 && l >= PIECE_SHARE * goldLength[g]! && l >= PIECE_MIN_SHARE * predictedLength[p]!) held++;
    }
    if (held >= 2) merges.push(p);
  }
  return { splits, merges };
}
