import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProductDoc } from '~/core/catalog/product-rules';
import type { BannerDoc, CategoryDoc, CoPurchaseDoc, ProductDoc, SkuStockDoc } from '~/types/catalog';
import type { ProductInput } from '~/types/functions/admin-catalog';
import { productInput } from '~/types/functions/admin-catalog';
import type { StoreDoc } from '~/types/orders';

/** How a demo picture looks: a drawing, a two-colour gradient and a short caption (see draw-demo-media.ts). */
export interface Artwork {
  motif: Motif;
  from: string;
  to: string;
  caption: string;
}

export type Motif =
  | 'beans'
  | 'drip'
  | 'teapot'
  | 'bottle'
  | 'leaf'
  | 'nuts'
  | 'rolls'
  | 'mooncake'
  | 'mango'
  | 'chocolate'
  | 'tube'
  | 'dropper'
  | 'lipstick'
  | 'pump'
  | 'candle'
  | 'mug'
  | 'bed'
  | 'boxes'
  | 'earbuds'
  | 'battery'
  | 'cable'
  | 'stand'
  | 'tee'
  | 'tote'
  | 'scarf';

/** One demo product: what the admin page would save, plus its stock, sales and shelf state. */
interface DemoProduct {
  input: ProductInput;
  /** Stock of each SKU, in the order of `input.skus`. */
  stock: number[];
  salesCount: number;
  status: ProductDoc['status'];
  art: Artwork;
}

/** The demo pictures (drawn by draw-demo-media.ts); the local cloud serves this folder at /media/. */
export const DEMO_MEDIA_DIR = join(__dirname, 'media');

/** The URL path of a demo picture, as the local cloud serves it (GET /media/…). */
export const mediaUrl = (folder: 'products' | 'categories' | 'banners', id: string) => `/media/${folder}/${id}.svg`;

const CATEGORIES: (CategoryDoc & { art: Artwork })[] = (
  [
    { _id: 'coffee-tea', name: '咖啡茶饮', sort: 10, art: { motif: 'drip', from: '#c08552', to: '#7a4a2a', caption: '' } },
    { _id: 'snacks', name: '零食糕点', sort: 20, art: { motif: 'rolls', from: '#f6c453', to: '#e08a2c', caption: '' } },
    { _id: 'beauty', name: '美妆个护', sort: 30, art: { motif: 'dropper', from: '#f5a3b7', to: '#d0577a', caption: '' } },
    { _id: 'home', name: '家居生活', sort: 40, art: { motif: 'candle', from: '#9fd3c7', to: '#3f8f7f', caption: '' } },
    { _id: 'digital', name: '数码配件', sort: 50, art: { motif: 'earbuds', from: '#8fa8f0', to: '#3f56b0', caption: '' } },
    { _id: 'apparel', name: '服饰箱包', sort: 60, art: { motif: 'tee', from: '#b9a4e8', to: '#6b4fb8', caption: '' } },
  ] satisfies (Omit<CategoryDoc, 'iconUrl'> & { art: Artwork })[]
).map((category) => ({ ...category, iconUrl: mediaUrl('categories', category._id) }));

type SkuRow = [specValues: string[], priceFen: number, stock: number];

function product(
  fields: {
    id: string;
    categoryId: string;
    title: string;
    subtitle: string;
    description: string;
    specs?: { name: string; values: string[] }[];
    skus: SkuRow[];
    sort: number;
    salesCount: number;
    keywords?: string[];
    memberPrice?: boolean;
    recommended?: boolean;
    status?: ProductDoc['status'];
  },
  art: Artwork,
): DemoProduct {
  const input = productInput.parse({
    productId: fields.id,
    title: fields.title,
    subtitle: fields.subtitle,
    categoryId: fields.categoryId,
    images: [mediaUrl('products', fields.id)],
    description: fields.description,
    specs: fields.specs ?? [],
    skus: fields.skus.map(([specValues, priceFen, initialStock]) => ({ specValues, priceFen, initialStock })),
    memberPrice: fields.memberPrice ?? true,
    recommended: fields.recommended ?? false,
    sort: fields.sort,
    keywords: fields.keywords ?? [],
  });
  return { input, stock: fields.skus.map(([, , stock]) => stock), salesCount: fields.salesCount, status: fields.status ?? 'onShelf', art };
}

/** Every combination of the spec values, each at one price and stock, except the stocks listed in `stockOf`. */
function grid(
  specs: { name: string; values: string[] }[],
  priceFen: number,
  stock: number,
  stockOf: Record<string, number> = {},
): SkuRow[] {
  const combos = specs.reduce<string[][]>((acc, spec) => acc.flatMap((prefix) => spec.values.map((value) => [...prefix, value])), [[]]);
  return combos.map((values) => [values, priceFen, stockOf[values.join('/')] ?? stock]);
}

const TEE_SPECS = [
  { name: '颜色', values: ['白色', '黑色', '燕麦'] },
  { name: '尺码', values: ['S', 'M', 'L', 'XL'] },
];

const PRODUCTS: DemoProduct[] = [
  product(
    {
      id: 'coffee-beans',
      categoryId: 'coffee-tea',
      title: '云南保山小粒咖啡豆',
      subtitle: '中度烘焙 · 坚果与可可风味',
      description:
        '产自云南保山海拔1,200米的阿拉比卡咖啡，日晒处理，中度烘焙。入口有烤坚果与可可的香气，回甘干净，适合手冲与意式。每周烘焙，新鲜发货。',
      specs: [{ name: '规格', values: ['250g', '500g'] }],
      skus: [
        [['250g'], 4_900, 120],
        [['500g'], 8_900, 60],
      ],
      sort: 10,
      salesCount: 1_820,
      keywords: ['咖啡', '阿拉比卡', '手冲'],
      recommended: true,
    },
    { motif: 'beans', from: '#c9935f', to: '#6f4126', caption: '咖啡豆' },
  ),
  product(
    {
      id: 'drip-coffee',
      categoryId: 'coffee-tea',
      title: '挂耳咖啡组合装',
      subtitle: '10片装 · 三种风味一次尝遍',
      description: '耶加雪菲、曼特宁、云南日晒三种风味共10片，独立充氮包装。撕开挂在杯口，注入90℃热水，三分钟一杯现磨咖啡。',
      skus: [[[], 3_990, 200]],
      sort: 20,
      salesCount: 2_430,
      keywords: ['咖啡', '挂耳'],
    },
    { motif: 'drip', from: '#e0b07a', to: '#9a5b32', caption: '挂耳咖啡' },
  ),
  product(
    {
      id: 'rock-tea',
      categoryId: 'coffee-tea',
      title: '武夷山大红袍',
      subtitle: '传统炭焙 · 岩韵悠长',
      description: '武夷山正岩产区茶青，传统工艺炭火慢焙，干茶乌润，汤色橙黄明亮，兰花香与岩韵交织。礼盒装适合馈赠亲友。',
      specs: [{ name: '规格', values: ['100g罐装', '200g礼盒'] }],
      skus: [
        [['100g罐装'], 12_800, 40],
        [['200g礼盒'], 23_800, 25],
      ],
      sort: 30,
      salesCount: 560,
      keywords: ['茶叶', '乌龙茶', '岩茶'],
    },
    { motif: 'teapot', from: '#d98c5f', to: '#8c3b22', caption: '大红袍' },
  ),
  product(
    {
      id: 'cold-brew',
      categoryId: 'coffee-tea',
      title: '冷萃咖啡液',
      subtitle: '限时特价 · 不参与会员价',
      description: '低温萃取18小时的浓缩咖啡液，0糖0脂。一杯兑200ml冰水或牛奶，即刻得到一杯冰美式或拿铁。',
      specs: [{ name: '规格', values: ['6杯装', '12杯装'] }],
      skus: [
        [['6杯装'], 2_990, 150],
        [['12杯装'], 5_500, 80],
      ],
      sort: 40,
      salesCount: 1_820,
      keywords: ['咖啡', '特价', '美式'],
      memberPrice: false,
    },
    { motif: 'bottle', from: '#7a5038', to: '#2f1c12', caption: '冷萃' },
  ),
  product(
    {
      id: 'osmanthus-oolong',
      categoryId: 'coffee-tea',
      title: '桂花乌龙三角茶包',
      subtitle: '20包 · 冷泡热泡皆宜',
      description: '安溪铁观音与广西金桂窨制，三角立体茶包，冷水泡4小时或热水泡3分钟，花香清甜。',
      skus: [[[], 1_990, 0]],
      sort: 50,
      salesCount: 3_100,
      keywords: ['茶包', '乌龙茶', '桂花'],
    },
    { motif: 'leaf', from: '#f3c969', to: '#b9862a', caption: '桂花乌龙' },
  ),
  product(
    {
      id: 'daily-nuts',
      categoryId: 'snacks',
      title: '每日坚果',
      subtitle: '7种坚果果干 · 一天一小袋',
      description: '腰果、巴旦木、榛子、核桃、蓝莓干、蔓越莓干、黑加仑按比例混合，每袋25g，独立小包装，办公室与出游随手一袋。',
      specs: [{ name: '规格', values: ['30袋', '60袋'] }],
      skus: [
        [['30袋'], 9_900, 300],
        [['60袋'], 18_900, 120],
      ],
      sort: 10,
      salesCount: 4_210,
      keywords: ['坚果', '零食'],
      recommended: true,
    },
    { motif: 'nuts', from: '#e9b872', to: '#a4652b', caption: '每日坚果' },
  ),
  product(
    {
      id: 'egg-rolls',
      categoryId: 'snacks',
      title: '手工鸡蛋卷',
      subtitle: '400g礼盒 · 现烤酥脆',
      description: '新鲜鸡蛋与黄油手工卷制，层层酥脆，蛋香浓郁。三种口味可选，铁罐礼盒密封防潮。',
      specs: [{ name: '口味', values: ['原味', '芝麻', '海苔'] }],
      skus: [
        [['原味'], 3_990, 80],
        [['芝麻'], 3_990, 45],
        [['海苔'], 3_990, 0],
      ],
      sort: 20,
      salesCount: 980,
      keywords: ['糕点', '饼干', '零食'],
    },
    { motif: 'rolls', from: '#f7d08a', to: '#d08a35', caption: '鸡蛋卷' },
  ),
  product(
    {
      id: 'custard-mooncake',
      categoryId: 'snacks',
      title: '流心奶黄月饼礼盒',
      subtitle: '6枚装 · 中秋限定',
      description: '咸蛋黄与奶黄调和的流心馅，饼皮松软，加热10秒即可流心。中秋限定款，节后下架。',
      skus: [[[], 16_800, 30]],
      sort: 30,
      salesCount: 640,
      keywords: ['月饼', '中秋', '礼盒'],
      status: 'offShelf',
    },
    { motif: 'mooncake', from: '#f2b84b', to: '#b5651d', caption: '奶黄月饼' },
  ),
  product(
    {
      id: 'dried-mango',
      categoryId: 'snacks',
      title: '菲律宾芒果干',
      subtitle: '果肉厚切 · 酸甜有嚼劲',
      description: '宿务芒果成熟后切厚片低温烘干，保留果肉纤维与天然酸甜，无添加色素。',
      specs: [{ name: '规格', values: ['100g', '250g'] }],
      skus: [
        [['100g'], 1_990, 260],
        [['250g'], 4_200, 140],
      ],
      sort: 40,
      salesCount: 2_430,
      keywords: ['果干', '芒果', '零食'],
    },
    { motif: 'mango', from: '#ffd166', to: '#f08c1a', caption: '芒果干' },
  ),
  product(
    {
      id: 'dark-chocolate',
      categoryId: 'snacks',
      title: '72%黑巧克力',
      subtitle: '单一产地可可 · 低糖',
      description: '厄瓜多尔单一产地可可豆，72%可可含量，入口丝滑，微苦回甘。每盒10小片，独立包装。',
      specs: [{ name: '口味', values: ['原味', '海盐', '榛子'] }],
      skus: [
        [['原味'], 4_500, 90],
        [['海盐'], 4_500, 70],
        [['榛子'], 4_800, 50],
      ],
      sort: 50,
      salesCount: 1_260,
      keywords: ['巧克力', '零食'],
    },
    { motif: 'chocolate', from: '#8a5a44', to: '#3b2119', caption: '黑巧克力' },
  ),
  product(
    {
      id: 'hand-cream',
      categoryId: 'beauty',
      title: '护手霜三支礼盒',
      subtitle: '30g × 3 · 清爽不黏腻',
      description: '乳木果油与烟酰胺配方，质地轻薄，吸收快不黏手。白茶、玫瑰、柑橘三种香型各一支。',
      specs: [{ name: '香型', values: ['白茶', '玫瑰', '柑橘'] }],
      skus: [
        [['白茶'], 6_900, 110],
        [['玫瑰'], 6_900, 90],
        [['柑橘'], 6_900, 75],
      ],
      sort: 10,
      salesCount: 1_540,
      keywords: ['护肤', '护手霜', '礼盒'],
    },
    { motif: 'tube', from: '#ffc2d1', to: '#e06c8c', caption: '护手霜' },
  ),
  product(
    {
      id: 'hydrating-serum',
      categoryId: 'beauty',
      title: '玻尿酸保湿精华',
      subtitle: '30ml · 三重玻尿酸深层补水',
      description: '大中小三种分子量玻尿酸复配，层层补水锁水，搭配积雪草舒缓泛红。早晚洁面后取3-4滴按压至吸收。',
      skus: [[[], 29_900, 60]],
      sort: 20,
      salesCount: 870,
      keywords: ['护肤', '精华', '补水'],
      recommended: true,
    },
    { motif: 'dropper', from: '#a7d8f0', to: '#4b8fc4', caption: '保湿精华' },
  ),
  product(
    {
      id: 'velvet-lipstick',
      categoryId: 'beauty',
      title: '丝绒雾面口红',
      subtitle: '显色持久 · 不拔干',
      description: '丝绒雾面质地，一抹显色，添加荷荷巴油滋润双唇。三款日常百搭色号。',
      specs: [{ name: '色号', values: ['正红', '豆沙', '枫叶'] }],
      skus: [
        [['正红'], 15_900, 40],
        [['豆沙'], 15_900, 55],
        [['枫叶'], 15_900, 20],
      ],
      sort: 30,
      salesCount: 720,
      keywords: ['彩妆', '口红'],
    },
    { motif: 'lipstick', from: '#f28b9b', to: '#b3263e', caption: '口红' },
  ),
  product(
    {
      id: 'amino-shampoo',
      categoryId: 'beauty',
      title: '氨基酸洗发水',
      subtitle: '特价 · 温和控油 不参与会员价',
      description: '氨基酸表活温和清洁，添加茶树精油平衡头皮油脂，泡沫细密好冲洗。',
      specs: [{ name: '规格', values: ['500ml', '1L'] }],
      skus: [
        [['500ml'], 5_900, 200],
        [['1L'], 9_900, 100],
      ],
      sort: 40,
      salesCount: 2_050,
      keywords: ['洗护', '洗发水', '特价'],
      memberPrice: false,
    },
    { motif: 'pump', from: '#b8e0d2', to: '#4f9a86', caption: '洗发水' },
  ),
  product(
    {
      id: 'scented-candle',
      categoryId: 'home',
      title: '大豆蜡香薰蜡烛',
      subtitle: '200g · 燃烧约40小时',
      description: '天然大豆蜡与棉芯，燃烧无黑烟。玻璃杯身可作笔筒或花器再利用。',
      specs: [{ name: '香型', values: ['雪松', '无花果', '白茶'] }],
      skus: [
        [['雪松'], 8_900, 65],
        [['无花果'], 8_900, 48],
        [['白茶'], 8_900, 52],
      ],
      sort: 10,
      salesCount: 930,
      keywords: ['香薰', '蜡烛', '家居'],
      recommended: true,
    },
    { motif: 'candle', from: '#cfe8d5', to: '#5e9c76', caption: '香薰蜡烛' },
  ),
  product(
    {
      id: 'ceramic-mug',
      categoryId: 'home',
      title: '手作陶瓷马克杯',
      subtitle: '350ml · 窑变釉色 每只不同',
      description: '景德镇手工拉坯，窑变釉面每一只都独一无二。可进微波炉与洗碗机。',
      specs: [{ name: '颜色', values: ['米白', '雾蓝', '墨绿'] }],
      skus: [
        [['米白'], 5_800, 70],
        [['雾蓝'], 5_800, 35],
        [['墨绿'], 5_800, 0],
      ],
      sort: 20,
      salesCount: 1_120,
      keywords: ['杯子', '陶瓷', '家居'],
    },
    { motif: 'mug', from: '#bcd4e6', to: '#56789a', caption: '马克杯' },
  ),
  product(
    {
      id: 'linen-bedding',
      categoryId: 'home',
      title: '水洗棉麻四件套',
      subtitle: '越洗越软 · 亲肤透气',
      description: '棉麻混纺面料经水洗处理，柔软亲肤，四季可用。含被套、床单与两只枕套。',
      specs: [
        { name: '尺寸', values: ['1.5m床', '1.8m床'] },
        { name: '颜色', values: ['燕麦', '灰蓝'] },
      ],
      skus: [
        [['1.5m床', '燕麦'], 49_900, 18],
        [['1.5m床', '灰蓝'], 49_900, 12],
        [['1.8m床', '燕麦'], 59_900, 15],
        [['1.8m床', '灰蓝'], 59_900, 9],
      ],
      sort: 30,
      salesCount: 410,
      keywords: ['床品', '四件套', '家纺'],
    },
    { motif: 'bed', from: '#e6d5c3', to: '#a0826a', caption: '四件套' },
  ),
  product(
    {
      id: 'desk-organizer',
      categoryId: 'home',
      title: '桌面收纳盒三件套',
      subtitle: '可叠放 · 大中小三只',
      description: '磨砂PP材质，可自由组合叠放，收纳文具、化妆品与数据线，桌面一下子清爽了。',
      skus: [[[], 2_990, 400]],
      sort: 40,
      salesCount: 3_100,
      keywords: ['收纳', '家居'],
    },
    { motif: 'boxes', from: '#ffe29a', to: '#e0a43a', caption: '收纳盒' },
  ),
  product(
    {
      id: 'anc-earbuds',
      categoryId: 'digital',
      title: '真无线主动降噪耳机',
      subtitle: '48dB深度降噪 · 续航36小时',
      description: '自适应主动降噪，通勤与办公都安静。11mm动圈单元，支持LDAC高清音频与双设备连接，充电10分钟听2小时。',
      specs: [{ name: '颜色', values: ['曜石黑', '珍珠白'] }],
      skus: [
        [['曜石黑'], 129_900, 25],
        [['珍珠白'], 129_900, 3],
      ],
      sort: 10,
      salesCount: 380,
      keywords: ['耳机', '蓝牙', '降噪'],
      recommended: true,
    },
    { motif: 'earbuds', from: '#9fb3f5', to: '#3949ab', caption: '降噪耳机' },
  ),
  product(
    {
      id: 'power-bank',
      categoryId: 'digital',
      title: '20000mAh快充移动电源',
      subtitle: '65W快充 · 可带上飞机',
      description: '20000mAh大容量，65W双向快充，可为笔记本充电。三口同时输出，数显电量。',
      specs: [{ name: '颜色', values: ['黑色', '白色'] }],
      skus: [
        [['黑色'], 14_900, 85],
        [['白色'], 14_900, 60],
      ],
      sort: 20,
      salesCount: 1_540,
      keywords: ['充电宝', '快充'],
    },
    { motif: 'battery', from: '#a5d6a7', to: '#2e7d5b', caption: '充电宝' },
  ),
  product(
    {
      id: 'braided-cable',
      categoryId: 'digital',
      title: '编织快充数据线',
      subtitle: 'USB-C · 100W',
      description: '尼龙编织线身，耐弯折2万次。支持100W快充与480Mbps数据传输。',
      specs: [{ name: '长度', values: ['1m', '2m'] }],
      skus: [
        [['1m'], 2_990, 500],
        [['2m'], 3_990, 300],
      ],
      sort: 30,
      salesCount: 5_200,
      keywords: ['数据线', '充电线', 'type-c'],
    },
    { motif: 'cable', from: '#80deea', to: '#00838f', caption: '数据线' },
  ),
  product(
    {
      id: 'phone-stand',
      categoryId: 'digital',
      title: '铝合金手机支架',
      subtitle: '多角度调节 · 稳固不晃',
      description: '航空铝合金一体成型，底座加重防滑，角度与高度均可调节，适配4-12.9英寸设备。',
      specs: [{ name: '颜色', values: ['银色', '深空灰'] }],
      skus: [
        [['银色'], 4_990, 150],
        [['深空灰'], 4_990, 150],
      ],
      sort: 40,
      salesCount: 1_260,
      keywords: ['支架', '桌面'],
    },
    { motif: 'stand', from: '#cfd8dc', to: '#607d8b', caption: '手机支架' },
  ),
  product(
    {
      id: 'cotton-tee',
      categoryId: 'apparel',
      title: '重磅纯棉短袖T恤',
      subtitle: '260g · 不透不变形',
      description: '260g重磅新疆棉，密实挺括不透肉，领口加固水洗不变形。宽松落肩版型，男女同款。',
      specs: TEE_SPECS,
      skus: grid(TEE_SPECS, 8_900, 40, { '黑色/XL': 0, '燕麦/S': 6 }),
      sort: 10,
      salesCount: 2_890,
      keywords: ['T恤', '短袖', '纯棉'],
      recommended: true,
    },
    { motif: 'tee', from: '#c5b3f0', to: '#6a4fb5', caption: '纯棉T恤' },
  ),
  product(
    {
      id: 'canvas-tote',
      categoryId: 'apparel',
      title: '帆布托特包',
      subtitle: '16安帆布 · 可装14寸电脑',
      description: '16安加厚帆布，内置拉链暗袋与电脑隔层，肩带加宽不勒肩。',
      specs: [{ name: '颜色', values: ['米白', '藏青'] }],
      skus: [
        [['米白'], 7_900, 90],
        [['藏青'], 7_900, 60],
      ],
      sort: 20,
      salesCount: 1_120,
      keywords: ['包', '帆布包'],
    },
    { motif: 'tote', from: '#f0e0c8', to: '#a5865e', caption: '帆布包' },
  ),
  product(
    {
      id: 'wool-scarf',
      categoryId: 'apparel',
      title: '羊毛围巾',
      subtitle: '100%美利奴羊毛 · 柔软不扎',
      description: '澳洲美利奴羊毛精纺，轻薄保暖，不扎脖子。180×30cm，两端流苏。',
      specs: [{ name: '颜色', values: ['驼色', '烟灰', '酒红'] }],
      skus: [
        [['驼色'], 19_900, 30],
        [['烟灰'], 19_900, 28],
        [['酒红'], 19_900, 15],
      ],
      sort: 30,
      salesCount: 460,
      keywords: ['围巾', '羊毛', '冬季'],
    },
    { motif: 'scarf', from: '#e57373', to: '#8e2430', caption: '羊毛围巾' },
  ),
];

const BANNERS: (BannerDoc & { art: Artwork; subtitle: string })[] = (
  [
    {
      _id: 'coffee-festival',
      title: '秋日咖啡节',
      subtitle: '云南小粒咖啡豆 新豆上市',
      productId: 'coffee-beans',
      active: true,
      sort: 10,
      art: { motif: 'beans', from: '#d9a066', to: '#6f4126', caption: '' },
    },
    {
      _id: 'gold-perks',
      title: '升级金卡 尊享95折',
      subtitle: '积分1.5倍 · 全场包邮',
      productId: null,
      active: true,
      sort: 20,
      art: { motif: 'boxes', from: '#f7d26a', to: '#c98a1b', caption: '' },
    },
    {
      _id: 'new-tee',
      title: '新品 重磅纯棉T恤',
      subtitle: '三色四码 男女同款',
      productId: 'cotton-tee',
      active: true,
      sort: 30,
      art: { motif: 'tee', from: '#b7a2ec', to: '#5a3fa6', caption: '' },
    },
  ] satisfies (Omit<BannerDoc, 'imageUrl'> & { art: Artwork; subtitle: string })[]
).map((banner) => ({ ...banner, imageUrl: mediaUrl('banners', banner._id) }));

const STORES: StoreDoc[] = [
  {
    _id: 'jingan-kerry',
    name: '静安嘉里中心店',
    address: '上海市静安区南京西路1515号嘉里中心B1层12号',
    phone: '021-62880101',
    openHours: '10:00-22:00',
    status: 'open',
    location: { latitude: 31.2245, longitude: 121.445 },
  },
  {
    _id: 'xujiahui-grand',
    name: '徐家汇港汇店',
    address: '上海市徐汇区虹桥路1号港汇恒隆广场L3层05号',
    phone: '021-64070202',
    openHours: '10:00-22:00',
    status: 'open',
    location: { latitude: 31.1947, longitude: 121.4367 },
  },
  {
    _id: 'lujiazui-superbrand',
    name: '陆家嘴正大广场店',
    address: '上海市浦东新区陆家嘴西路168号正大广场L2层31号',
    phone: '021-68870303',
    openHours: '10:00-22:00',
    status: 'open',
    location: { latitude: 31.2355, longitude: 121.499 },
  },
];

/**
 * Products that shoppers bought together, with how many orders held both: what paid orders
 * would have counted, so 猜你喜欢 shows partners on a fresh local cloud.
 */
const BOUGHT_TOGETHER: [productId: string, otherId: string, orders: number][] = [
  ['coffee-beans', 'ceramic-mug', 6],
  ['coffee-beans', 'cold-brew', 3],
  ['cotton-tee', 'canvas-tote', 5],
  ['cotton-tee', 'wool-scarf', 2],
  ['hand-cream', 'amino-shampoo', 4],
  ['velvet-lipstick', 'hand-cream', 2],
  ['power-bank', 'braided-cable', 5],
  ['anc-earbuds', 'power-bank', 3],
  ['phone-stand', 'braided-cable', 2],
  ['dark-chocolate', 'daily-nuts', 3],
  ['egg-rolls', 'dried-mango', 2],
  ['scented-candle', 'linen-bedding', 2],
];

/** A product's pictures: its own, then the banners that feature it, then its category's, so the demo gallery has several to swipe. */
function galleryOf(input: ProductInput): string[] {
  const banners = BANNERS.filter((banner) => banner.productId === input.productId).map((banner) => banner.imageUrl);
  return [...input.images, ...banners, mediaUrl('categories', input.categoryId)];
}

/** The demo catalogue's documents, by collection: categories, products and their SKU stock, banners, pickup stores and co-purchase counts. */
export interface DemoCatalog {
  categories: CategoryDoc[];
  products: ProductDoc[];
  sku_stock: SkuStockDoc[];
  banners: BannerDoc[];
  stores: StoreDoc[];
  co_purchases: CoPurchaseDoc[];
}

/**
 * The demo storefront for a fresh local cloud and for the tests: six categories, 25 products
 * (one sold out, one off the shelf, two without member prices, some SKUs out of stock),
 * three banners, three pickup stores in Shanghai, and which products were bought together.
 * Deterministic but for the timestamps.
 */
export function demoCatalog(now: number): DemoCatalog {
  const products = PRODUCTS.map(({ input, stock, salesCount, status }) => {
    const doc = buildProductDoc({ ...input, images: galleryOf(input) }, null, [], now);
    return { ...doc, status, salesCount, soldOut: stock.every((n) => n <= 0) };
  });
  const skuStock = PRODUCTS.flatMap(({ input, stock }, p) =>
    (products[p] as ProductDoc).skus.map((sku, i) => ({
      _id: sku.skuId,
      productId: input.productId,
      stock: stock[i] ?? 0,
      updatedAt: now,
    })),
  );
  return {
    categories: CATEGORIES.map(({ art: _art, ...category }) => category),
    products,
    sku_stock: skuStock,
    banners: BANNERS.map(({ art: _art, subtitle: _subtitle, ...banner }) => banner),
    stores: STORES.map((store) => ({ ...store })),
    co_purchases: BOUGHT_TOGETHER.flatMap(([a, b, count]) => [
      { _id: `${a}:${b}`, productId: a, otherId: b, count, updatedAt: now },
      { _id: `${b}:${a}`, productId: b, otherId: a, count, updatedAt: now },
    ]),
  };
}

/** Where the demo pictures go in cloud storage: `/media/products/x.svg` is stored at `demo/products/x.svg`. */
export const demoCloudPath = (mediaPath: string) => `demo/${mediaPath.slice('/media/'.length)}`;

/** What seeding needs of a local cloud: its database and its cloud storage. */
export interface SeedTarget {
  store: { insert(collection: string, doc: Record<string, unknown>): void };
  storage: { write(path: string, body: Buffer): void; fileIdOf(path: string): string };
}

/**
 * Uploads a demo picture (a `/media/…` path) to cloud storage and answers its `cloud://` file id;
 * anything else is answered as it is.
 */
export function uploadDemoPicture(storage: SeedTarget['storage'], url: string): string {
  if (!url.startsWith('/media/')) return url;
  const path = demoCloudPath(url);
  storage.write(path, readFileSync(join(DEMO_MEDIA_DIR, url.slice('/media/'.length))));
  return storage.fileIdOf(path);
}

/** The catalogue with its pictures uploaded to cloud storage and named by file id, as the admin page stores them. */
export function withCloudPictures(catalog: DemoCatalog, storage: SeedTarget['storage']): DemoCatalog {
  const upload = (url: string) => uploadDemoPicture(storage, url);
  return {
    ...catalog,
    categories: catalog.categories.map((category) => ({ ...category, iconUrl: upload(category.iconUrl) })),
    products: catalog.products.map((product) => ({ ...product, images: product.images.map(upload) })),
    banners: catalog.banners.map((banner) => ({ ...banner, imageUrl: upload(banner.imageUrl) })),
  };
}

/** Uploads the demo pictures to the cloud's storage and inserts the demo catalogue into its database, all in one go. */
export function seedDemoCatalog(cloud: SeedTarget, now: number): DemoCatalog {
  const catalog = withCloudPictures(demoCatalog(now), cloud.storage);
  for (const [collection, docs] of Object.entries(catalog) as [string, { _id: string }[]][]) {
    for (const doc of docs) cloud.store.insert(collection, { ...doc });
  }
  return catalog;
}

/** Every demo picture to draw: its file under scripts/seed/media/, its kind, look and texts. */
export function demoArtwork(): { file: string; kind: 'product' | 'category' | 'banner'; art: Artwork; title: string; subtitle: string }[] {
  return [
    ...PRODUCTS.map(({ input, art }) => ({
      file: `products/${input.productId}.svg`,
      kind: 'product' as const,
      art,
      title: art.caption,
      subtitle: '',
    })),
    ...CATEGORIES.map(({ _id, name, art }) => ({
      file: `categories/${_id}.svg`,
      kind: 'category' as const,
      art,
      title: name,
      subtitle: '',
    })),
    ...BANNERS.map(({ _id, title, subtitle, art }) => ({ file: `banners/${_id}.svg`, kind: 'banner' as const, art, title, subtitle })),
  ];
}
