import { type Region, type RegionLevel, RegionSchema } from '@minsheng/domain';
import { CliError } from '../errors.ts';

/**
 * GB/T 2260 codes nest: 51 (province) → 5108 (prefecture) → 510824 (county). The level and the
 * parent follow from the code unless the caller says otherwise.
 */
export function levelOfCode(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}

export function parentOfCode(code: string): string | null {
  const level = levelOfCode(code);
  if (level === 'province') return null;
  if (level === 'prefecture') return `${code.slice(0, 2)}0000`;
  return `${code.slice(0, 4)}00`;
}

/** The level a Chinese place name's last character names: 省, 市/州/盟, 县/区/旗. */
export function levelOfName(name: string): RegionLevel | null {
  if (/省$|自治区$|^北京市$|^天津市$|^上海市$|^重庆市$/.test(name)) return 'province';
  if (/(市|州|盟|地区)$/.test(name)) return 'prefecture';
  if (/(县|区|旗)$/.test(name)) return 'county';
  return null;
}

export function buildRegion(input: {
  code: string;
  name: string;
  parent?: string | null;
  level?: string;
}): Region {
  const level = input.level ?? levelOfCode(input.code);
  const result = RegionSchema.safeParse({
    code: input.code,
    name: input.name,
    level,
    parentCode: input.parent === undefined ? parentOfCode(input.code) : input.parent,
  });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new CliError(`invalid region: ${issue?.path.join('.') || 'region'}: ${issue?.message}`);
  }
  return result.data;
}
