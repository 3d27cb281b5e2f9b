// Gradient-boosted trees over the stance model's dense inputs, at request time: a softmax forest (one tree per
// class per round) whose scores are the sum of the leaves reached, plus a base score per class. Trained offline by
// lib/train/gbdt.ts; pure TypeScript, the nodes read as typed-array views of the asset.

/**
 * The forest's nodes, flat: a node is a leaf when its feature is -1 (its value then in `value`), else it sends an
 * input left when `dense[feature] <= value` and right otherwise; its children are `left` and `left + 1`.
 */
export interface Forest {
  classes: number;
  /** the score every input starts from, per class (the training side's log priors) */
  base: Float32Array;
  /** the first node of each tree; tree t adds to class t % classes */
  roots: Int32Array;
  feature: Int16Array;
  value: Float32Array;
  left: Int32Array;
}

/** The forest's raw class scores (logits before any softmax) for one input's dense features. */
export function forestScores(forest: Forest, dense: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(forest.base);
  const { roots, feature, value, left, classes } = forest;
  for (let t = 0; t < roots.length; t++) {
    let node = roots[t]!;
    for (let f = feature[node]!; f >= 0; f = feature[node]!)
      node = dense[f]! <= value[node]! ? left[node]! : left[node]! + 1;
    out[t % classes]! += value[node]!;
  }
  return out;
}

/** Checks a forest read from a file: every reference in range, every tree ending in leaves. */
export function checkForest(forest: Forest, denseWidth: number): void {
  const nodes = forest.feature.length;
  if (forest.value.length !== nodes || forest.left.length !== nodes)
    throw new Error('stance trees: node arrays of different lengths');
  if (forest.base.length !== forest.classes) throw new Error('stance trees: base scores do not match the classes');
  for (let n = 0; n < nodes; n++) {
    const f = forest.feature[n]!;
    if (f === -1) continue;
    if (f < 0 || f >= denseWidth) throw new Error(`stance trees: node ${n} reads feature ${f} of ${denseWidth}`);
    const l = forest.left[n]!;
    if (l <= n || l + 1 >= nodes) throw new Error(`stance trees: node ${n} has children out of range`);
  }
  for (const r of forest.roots) if (r < 0 || r >= nodes) throw new Error(`stance trees: a root out of range`);
}
