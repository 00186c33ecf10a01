import { type Region, RegionSchema } from '@minsheng/domain';
import { z } from 'zod';
import { authedProcedure, router } from '../trpc.ts';

export interface RegionNode extends Region {
  children: RegionNode[];
}

export const regionsRouter = router({
  /** Names and codes of every region, as a tree: public knowledge, open to every signed-in user. */
  tree: authedProcedure.query(async ({ ctx }): Promise<RegionNode[]> => {
    const regions = await ctx.regions();
    const nodes = new Map(regions.map((r) => [r.code, { ...r, children: [] as RegionNode[] }]));
    const roots: RegionNode[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    return roots;
  }),

  list: authedProcedure.output(z.array(RegionSchema)).query(({ ctx }) => ctx.regions()),
});
