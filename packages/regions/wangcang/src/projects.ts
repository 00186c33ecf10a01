import {
  extractQuantities,
  type FieldRef,
  type ProjectInput,
  type QuantityMention,
} from '@minsheng/domain';

interface BoxItem {
  /** The item's text as written (one project of a 、-separated list, its list-final 。 dropped). */
  text: string;
  /** A short name before ：, where the item has one (残疾人之家工程：…). */
  name?: string;
  /** Where the item's field differs from its box's (专栏3 mixes elderly care and burial). */
  field?: FieldRef;
  /** True where the item was separated from its neighbour by restoring a lost 、. */
  restored?: true;
  /** Written by hand where extractQuantities misreads the text. */
  quantities?: QuantityMention[];
}

interface BoxGroup {
  /** Line of the group's list in the seed file; every item of the group stands on it. */
  line: number;
  /** The sub-heading before ：（学前教育：…）, where the box has them. */
  group?: string;
  items: BoxItem[];
}

interface Box {
  /** The box heading as written. */
  box: string;
  number: number;
  /** Line of the heading in the seed file. */
  line: number;
  field: FieldRef;
  groups: BoxGroup[];
}

/** 殡葬 (burial) projects of 专栏3: social affairs, filed with assistance as the 社会服务 field. */
const BURIAL: FieldRef = { key: 'assistance', label: '社会服务' };

/**
 * 专栏1–7, item by item. A box lists its projects separated by 、 (one project each); a 、 inside
 * brackets (家政（含养老、托幼）) or inside a name (县、乡镇、村（社区）三级…) does not split.
 */
export const BOXES: readonly Box[] = [
  {
    box: '专栏1 “十四五”教育服务重点项目',
    number: 1,
    line: 261,
    field: { key: 'education', label: '教育服务' },
    groups: [
      {
        line: 262,
        group: '学前教育',
        items: [
          { text: '旺苍县机关幼儿园' },
          { text: '孙家坝幼儿园建设项目' },
          { text: '东河第一幼儿园食堂综合楼建设项目' },
          { text: '东河第二幼儿园（扩建）建设项目' },
          { text: '临江幼儿园建设项目' },
          { text: '建设路幼儿园建设项目' },
          { text: '凤凰梁幼儿园建设项目' },
          { text: '长滩幼儿园建设项目' },
          { text: '佰章幼儿园建设项目' },
          { text: '大中坝幼儿园建设项目' },
          { text: '卸甲扁幼儿园' },
          { text: '嘉川镇西河幼儿园建设项目' },
          { text: '嘉川镇中心幼儿园改扩建建设项目' },
          { text: '木门镇中心幼儿园改扩建建设项目' },
          { text: '县附属幼儿园维修改造建设项目' },
          { text: '全县幼儿园设备购置项目' },
          { text: '全县幼儿园活动场地建设项目' },
        ],
      },
      {
        line: 264,
        group: '义务教育',
        items: [
          { text: '嘉川镇中心小学校新建校园建设项目' },
          { text: '灵溪小学改建项目' },
          { text: '治城中学建设项目' },
          { text: '长滩小学建设项目' },
          { text: '东河小学扩建项目' },
          { text: '县实验小学扩建项目' },
          { text: '县普济镇中心小学校综合楼及校园建设项目' },
          { text: '县国华初级中学校运动场建设项目' },
          { text: '国华镇中心小学校教学楼及运动场建设项目' },
          { text: '英萃初级中学校运动场建设项目' },
          { text: '黄洋镇中心小学校扩建项目' },
          { text: '石桥小学扩建项目' },
          { text: '白水初级中学校教学楼建设项目' },
          { text: '九龙镇中心小学校扩建项目' },
          { text: '三江初级中学校运动场建设项目' },
          { text: '张华镇中心小学校扩建项目' },
          { text: '旺苍县中小学校舍维修改造建设项目' },
          { text: '旺苍县中小学运动场塑化工程建设项目' },
          { text: '中小学教学设施设备购置项目' },
        ],
      },
      {
        line: 266,
        group: '普通高中',
        // The list ends with 、 and no 。: kept as written, see notes.ts.
        items: [
          { text: '旺苍中学改扩建建设项目' },
          { text: '旺苍中学公共停车场暨体育馆改建设项目' },
        ],
      },
      {
        line: 268,
        group: '职业教育',
        items: [
          { text: '旺苍职业中学产教融合实训培训基地建设项目' },
          { text: '旺苍职业中学产教融合汽车服务中心建设项目' },
          { text: '旺苍职业中学产教融合家政（含养老、托幼）实训培训基地建设项目' },
        ],
      },
      {
        line: 270,
        group: '特殊教育',
        items: [{ text: '旺苍县特殊教育康复和资源中心建设项目' }],
      },
      {
        line: 272,
        group: '其他教育项目',
        items: [
          { text: '旺苍县教师安心安身工程保障性住房建设项目' },
          { text: '旺苍研学实践教育特色基地暨川北青少年艺术创作培训基地建设项目' },
          { text: '旺苍县青少年校外活动中心建设项目' },
          { text: '旺苍县教师发展培训中心建设项目' },
          { text: '县委党校分类建设项目' },
        ],
      },
    ],
  },
  {
    box: '专栏2 “十四五”卫生健康服务重点项目',
    number: 2,
    line: 579,
    field: { key: 'health', label: '卫生健康服务' },
    groups: [
      {
        line: 580,
        items: [
          { text: '旺苍县疾病预防控制中心公共卫生服务能力提升项目' },
          { text: '旺苍县中医医院门诊综合楼建设项目' },
          { text: '旺苍县妇幼保健院旧业务楼维修改造项目' },
          { text: '天星镇卫生院医养结合项目' },
          { text: '旺苍县人民医院急诊急救综合楼建设项目' },
          { text: '旺苍县传染病防治能力提升项目' },
          { text: '旺苍县人民医院医技综合楼建设项目' },
          { text: '旺苍县人民医院防治能力提升项目' },
          { text: '医疗服务与保障能力提升项目' },
          { text: '国华镇中心卫生院新建业务综合楼建设项目（二期）' },
          { text: '县域医疗卫生次中心建设项目' },
          { text: '林江医院综合楼建设项目' },
        ],
      },
    ],
  },
  {
    box: '专栏3 旺苍县“十四五”社会服务重点项目',
    number: 3,
    line: 711,
    field: { key: 'elderly', label: '社会服务' },
    groups: [
      {
        line: 712,
        items: [
          { text: '县龙凤中心敬老院建设项目' },
          { text: '县社会福利综合服务中心养老能力提档升级项目' },
          { text: '县养老服务中心建设项目' },
          { text: '县失能照护服务中心建设项目' },
          { text: '县公办养老机构提档升级建设项目' },
          { text: '县公办养老机构消防设施升级改造项目' },
          { text: '县公益性骨灰安放设施建设项目', field: BURIAL },
          { text: '白水镇区域化养老服务中心' },
          { text: '木门镇区域化养老服务中心' },
          { text: '三江镇区域化养老服务中心' },
          { text: '英萃镇区域化养老服务中心' },
          { text: '白水镇静乐寺社区居家养老服务网络建设' },
          { text: '白水镇陈家岭社区居家养老服务网络建设' },
          { text: '嘉川镇真武宫社区居家养老服务网络建设' },
          { text: '黄洋镇赵家坝社区居家养老服务网络建设' },
          { text: '普济镇代池坝社区居家养老服务网络建设' },
          { text: '旺苍县殡葬服务提档升级改扩建项目', field: BURIAL },
          { text: '白水镇大兴公益性公墓建设项目', field: BURIAL },
          { text: '嘉川镇兴隆山公益性公墓', field: BURIAL },
          { text: '嘉川镇真武宫公益性公墓', field: BURIAL },
          { text: '普济镇永兴公益性公墓', field: BURIAL },
          { text: '三江镇三江社区公益性公墓建设项目', field: BURIAL },
          { text: '三江镇碗厂河社区公益性公墓建设项目', field: BURIAL },
          { text: '木门镇公益性公墓建设项目', field: BURIAL },
          { text: '黄洋镇公益性公墓建设项目', field: BURIAL },
          { text: '水磨镇公益性公墓建设项目', field: BURIAL },
        ],
      },
    ],
  },
  {
    box: '专栏4 旺苍县“十四五”住房保障服务重点项目',
    number: 4,
    line: 819,
    field: { key: 'housing', label: '住房保障服务' },
    groups: [
      {
        line: 821,
        group: '城镇老旧小区改造',
        items: [
          { text: '石墨厂东侧旧城区改造' },
          { text: '原广旺集团旧城区改造' },
          // Two projects run together without their 、 (restored, see notes.ts).
          { text: '原通用机械厂旧城区改造', restored: true },
          { text: '东河镇2020老旧小区改造项目', restored: true },
        ],
      },
      {
        line: 823,
        group: '房地产开发经营项目',
        items: [
          { text: '孙家坝城市综合体' },
          { text: '红旗坝城市开发项目' },
          { text: '长滩坝城市开发项目' },
        ],
      },
    ],
  },
  {
    box: '专栏5 旺苍县“十四五”公共文化体育服务重点项目',
    number: 5,
    line: 903,
    field: { key: 'culture_sports', label: '公共文化体育服务' },
    groups: [
      {
        line: 904,
        group: '文旅产业',
        items: [
          { text: '米仓山大峡谷创建国家5A级旅游景区' },
          { text: '盐井河大峡谷创建国家4A级旅游景区' },
          { text: '鹿亭温泉旅游度假区' },
          { text: '鼓城山—七里峡景区创建为国家级生态旅游示范区' },
          { text: '旺苍县旅游集散中心建设' },
          { text: '水磨高山水乡古镇' },
          { text: '天星-盐河生态康养区' },
          { text: '旺苍县“月光经济”项目（二期）' },
          { text: '盐河休闲康养基地' },
          { text: '木门黄茶农旅示范园' },
          { text: '高阳温泉养生基地' },
          { text: '米仓山大峡谷产学研实践基地' },
          { text: '南阳山景区游客接待中心项目' },
          { text: '“云雾山森林康养旅游区“' },
          { text: '“广元·中国西部恐龙园”' },
          { text: '“中国红军城--木门景区红色旅游产业园”' },
          { text: '红军城东河印象步行街建设项目' },
        ],
      },
      {
        line: 906,
        group: '体育',
        items: [
          { text: '旺苍县东河镇登山步道建设项目' },
          { text: '天星镇健身步道建设项目' },
          { text: '体育公园建设项目' },
          { text: '县全民健身中心（小型体育综合体）建设项目' },
          { text: '旺苍县乡镇多功能运动场建设项目' },
          { text: '高阳镇骑行道建设项目' },
          { text: '米仓山露营户外基地建设项目' },
        ],
      },
      {
        line: 908,
        group: '文化',
        items: [
          { text: '旺苍县“高清四川.智慧广电”建设项目' },
          { text: '应急广播体系建设项目' },
          { text: '乡村文化振兴示范点建设项目' },
          { text: '川陕苏区红军文化保护利用示范园' },
          { text: '公共文化服务巩固提升工程（二期）' },
          { text: '国际会展中心' },
          { text: '红四方面军战史纪念馆' },
          { text: '旺苍（国际）钱币城项目' },
          { text: '县红色少儿图书馆建设' },
          { text: '县数字化文化馆建设' },
          { text: '县数字化图书馆建设' },
          { text: '川陕苏区革命文物保护工程建设项目' },
          { text: '川陕苏区革命文物三防工程建设项目' },
          { text: '旺苍县美术馆' },
          { text: '长征国家文化公园（旺苍段）基础设施建设项目' },
          { text: '非遗（端公戏）博物馆建设' },
          { text: '汉王山传奇实景演出项目' },
          { text: '电影《妇女独立师》' },
          { text: '舞台情景剧《红色土地.红色记忆》' },
        ],
      },
    ],
  },
  {
    box: '专栏6 旺苍县“十四五”残疾人保障服务重点项目',
    number: 6,
    line: 1010,
    field: { key: 'disability', label: '残疾人保障服务' },
    groups: [
      {
        line: 1011,
        items: [
          {
            name: '残疾人之家工程',
            text: '残疾人之家工程：国华镇、三江镇、黄洋镇、嘉川镇、龙凤镇、白水镇、东河镇、木门镇、普济镇、五权镇、大德镇、水磨镇、英萃镇、天星镇、盐河镇。',
          },
        ],
      },
    ],
  },
  {
    box: '专栏7 旺苍县“十四五”军人优抚保障服务重点项目',
    number: 7,
    line: 1117,
    field: { key: 'veterans', label: '军人优抚保障服务' },
    groups: [
      {
        line: 1118,
        items: [
          { text: '新建旺苍烈士陵园纪念设施' },
          { text: '新建旺苍光荣院' },
          // One project: its name lists the three levels 县、乡镇、村（社区）.
          { text: '旺苍县县、乡镇、村（社区）三级退役军人应急指挥视频应用平台建设项目' },
          { text: '旺苍军休所提质改造' },
          { text: '旺苍县优抚医院建设项目' },
        ],
      },
    ],
  },
];

/** Every project of every box, ids p-<box>-<nn> numbered through the box. */
export function buildProjects(): ProjectInput[] {
  const out: ProjectInput[] = [];
  for (const box of BOXES) {
    let n = 0;
    for (const group of box.groups) {
      for (const item of group.items) {
        n += 1;
        out.push({
          id: `p-${box.number}-${String(n).padStart(2, '0')}`,
          kind: 'project',
          box: box.box,
          field: item.field ?? box.field,
          ...(group.group ? { group: group.group } : {}),
          ...(item.name ? { name: item.name } : {}),
          text: item.text,
          quantities: item.quantities ?? extractQuantities(item.text),
          responsible: [],
          source: { section: `专栏${box.number}`, item: n, line: group.line },
        });
      }
    }
  }
  return out;
}
