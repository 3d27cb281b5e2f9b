// Disjoint sets over string keys (union-find with path compression). The smaller key becomes a merged set's
// root, so a set's name does not depend on the order of the merges (copy groups are named by it).
export interface UnionFind {
  find(x: string): string;
  union(x: string, y: string): void;
}

export function unionFind(): UnionFind {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    if (!parent.has(x)) parent.set(x, x);
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  return {
    find,
    union(x, y) {
      const [rx, ry] = [find(x), find(y)];
      // the smaller root wins, so the same sets get the same roots (string keys: Math.min does not apply)
      // biome-ignore lint/complexity/useMathMinMax: the keys are strings
      if (rx !== ry) parent.set(rx < ry ? ry : rx, rx < ry ? rx : ry);
    },
  };
}
