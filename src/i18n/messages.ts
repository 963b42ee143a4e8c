/**
 * Every UI string, in one dictionary per language. Keys are stable; English labels follow
 * domain.md §2 (the UI vocabulary), never the machine translations of the sources (§2.9).
 */
import type { Lang } from './format';

const zh = {
  'app.title': '产业链金融地图',
  'app.subtitle': '一链一策一批 · 中小企业融资服务',
  'app.lang.switch': 'English',
  'app.lang.label': '切换语言',
  'app.loading': '正在加载数据…',
  watermark: '示例数据（合成） · SYNTHETIC DEMO DATA',
  'data.asOf': '数据日期',
  'data.unit': '金额单位：万元',
  'nav.overview': '产业链总览',
  'nav.label': '视图',
  'overview.title': '重点产业链总览',
  'overview.intro':
    '每条重点产业链的环节、链上企业、融资需求与缺口，以及中小企业银行服务覆盖情况。点击产业链进入图谱。',
  'overview.col.chain': '产业链',
  'overview.col.links': '环节数',
  'overview.col.enterprises': '链上企业',
  'overview.col.need': '融资需求',
  'overview.col.gap': '融资缺口',
  'overview.col.gapShare': '缺口率',
  'overview.col.smeCoverage': '中小企业覆盖率',
  'overview.col.uncovered': '未覆盖环节',
  'overview.total': '合计',
  'overview.note.coverage':
    '覆盖率 = 有至少一家银行授信的中小企业 ÷ 中小企业数（不含链主和大型企业）。',
  'overview.note.uncovered': '未覆盖环节 = 判定为“服务空白”“覆盖不足”或“满足不足”的环节。',
  'about.title': '关于数据',
  'about.calibration':
    '示例数据是“链上企业清单”而非普查：企业由地方部门遴选，偏向规上和专精特新企业，因此银行覆盖率介于全部登记中小企业与科技型中小企业之间。',
  'notice.urlParams': '链接中有无法识别的参数，已改用默认值：',
  'notice.dismiss': '关闭提示',
  'error.title': '数据无法加载',
  'error.body': '应用无法读取当前数据集。其他功能不受影响，请检查文件后重试。',
  'error.retry': '重试',
  'error.detail': '问题详情',
  'error.fetch': '无法获取数据文件',
  'error.json': '数据文件不是有效的 JSON',
  'error.schema': '数据文件不符合数据结构',
  'error.issue': '第 {path} 项：{message}',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'app.title': 'ChainAtlas',
  'app.subtitle': 'One chain, one policy, one batch · SME financing',
  'app.lang.switch': '中文',
  'app.lang.label': 'Switch language',
  'app.loading': 'Loading data…',
  watermark: '示例数据（合成） · SYNTHETIC DEMO DATA',
  'data.asOf': 'Data as of',
  'data.unit': 'Amounts in CNY',
  'nav.overview': 'Chains overview',
  'nav.label': 'Views',
  'overview.title': 'Key industrial chains',
  'overview.intro':
    'For each key chain: its links, the enterprises on it, their financing need and gap, and how many SMEs a bank serves. Open a chain to see its map.',
  'overview.col.chain': 'Chain',
  'overview.col.links': 'Links',
  'overview.col.enterprises': 'Enterprises',
  'overview.col.need': 'Financing need',
  'overview.col.gap': 'Financing gap',
  'overview.col.gapShare': 'Gap ÷ need',
  'overview.col.smeCoverage': 'SME coverage',
  'overview.col.uncovered': 'Uncovered links',
  'overview.total': 'Total',
  'overview.note.coverage':
    'Coverage = SMEs with credit from at least one bank ÷ SMEs (chain leaders and large firms excluded).',
  'overview.note.uncovered':
    'Uncovered links = links judged “blind spot”, “uncovered” or “underfunded”.',
  'about.title': 'About the data',
  'about.calibration':
    'The demo is a chain list, not a census: local departments curate it towards above-size and SRDI firms, so its bank coverage sits between all registered SMEs and tech-based SMEs.',
  'notice.urlParams': 'Some link parameters were not understood and were reset:',
  'notice.dismiss': 'Dismiss',
  'error.title': 'The data could not be loaded',
  'error.body':
    'The app could not read the current dataset. Nothing else is affected; check the file and try again.',
  'error.retry': 'Retry',
  'error.detail': 'What failed',
  'error.fetch': 'The data file could not be fetched',
  'error.json': 'The data file is not valid JSON',
  'error.schema': 'The data file does not match the data model',
  'error.issue': 'at {path}: {message}',
};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** The message for a key in a language, with `{name}` placeholders filled in as plain text. */
export function translate(
  lang: Lang,
  key: MessageKey,
  vars: Record<string, string | number> = {},
): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (m, name: string) =>
    name in vars ? String(vars[name]) : m,
  );
}
