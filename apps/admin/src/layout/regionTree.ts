/** A region as the tree needs it; the API's region rows carry at least this. */
export interface RegionNodeInput {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface RegionTreeNode {
  key: string;
  title: string;
  children: RegionTreeNode[];
}

/**
 * Province → city → county, in the order the rows come. A region whose parent is not in the list
 * (the user sees only their own part of the country) is a root.
 */
export function regionTree(rows: readonly RegionNodeInput[]): RegionTreeNode[] {
  const nodes = new Map<string, RegionTreeNode>();
  for (const r of rows) nodes.set(r.code, { key: r.code, title: r.name, children: [] });
  const roots: RegionTreeNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.code)!;
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
