import { defineRegionPackage } from '@minsheng/domain';
import { region } from './region.ts';

export default defineRegionPackage({ region, plans: [] });
