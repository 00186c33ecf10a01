import { defineRegionPackage } from '@minsheng/domain';
import { plan } from './plan.ts';
import { region } from './region.ts';

export default defineRegionPackage({ region, plans: [plan] });
