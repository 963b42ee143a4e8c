/**
 * UI strings of the coverage view, merged into the one dictionary by ../messages.ts. The `export.png*`
 * keys belong to the shared PNG export button (src/export/ExportImageButton.svelte).
 * Policy terms are bilingual where they first appear (domain.md §2).
 */
export const COVERAGE_ZH = {
  'coverage.title': '银行覆盖与白区',
  'coverage.intro':
    '哪些环节有中小企业融资需求、却少有银行服务？我的银行能在哪里进入？矩阵看“谁在服务哪个环节”，地图看“在哪里”。',
  'coverage.chain': '产业链',
  'coverage.region': '地区',
  'coverage.region.all': '全国',
  'coverage.region.allCities': '全部城市',
  'coverage.scope': '范围',
  'coverage.scope.smes': '中小企业 {smes} 家，银行覆盖 {served}，{lenders} 家银行',
  'coverage.myBank': '我的银行',
  'coverage.myBank.none': '未选择',

  'coverage.matrix.title': '银行 × 环节覆盖矩阵 Coverage matrix',
  'coverage.matrix.how':
    '列为机构类型：格内上行 = 该类银行服务的该环节中小企业数，下行与颜色 = 占该环节中小企业的比例；空白 = 未进入。点击环节在地图上查看。',
  'coverage.matrix.rowHeader': '环节（覆盖判定）',
  'coverage.matrix.lenders': '银行数',
  'coverage.matrix.served': '覆盖率',
  'coverage.matrix.gap': '融资缺口',
  'coverage.matrix.colSmes': '服务中小企业',
  'coverage.matrix.colLinks': '进入环节数',
  'coverage.matrix.mine': '{name}（我行）',
  'coverage.matrix.others': '其他{n}家银行（合计）',
  'coverage.matrix.type': '{type}（{n}家合计）',
  'coverage.matrix.banksN': '{n}家',
  'coverage.matrix.bank1': '1家',
  'coverage.matrix.gapIn': '缺口（{unit}）',
  'coverage.matrix.mineShort': '本行',
  'coverage.matrix.othersShort': '其他银行',
  'coverage.matrix.expand': '展开{type}的各家银行',
  'coverage.matrix.collapse': '收起{type}',
  'coverage.matrix.showOnMap': '在地图上查看',
  'coverage.matrix.bankMode':
    '“我的银行”模式：第一列为本行，其他银行按机构类型合并，只显示数量，不显示名称。',
  'coverage.matrix.detailHint': '将鼠标移到格子上（或用 Tab 键进入、方向键移动）查看说明。',
  'coverage.matrix.empty': '该范围内没有这条产业链的中小企业。请返回全国或选择其他地区。',
  'coverage.matrix.note':
    '只计中小企业（不含链主和大型企业）与有效授信的银行类机构。银行视角和演示视角下，少于3家企业的格子显示“<3”，不披露具体数字；主管部门视角显示实数，并可点击类型列头展开各家银行。',
  'coverage.cell.serves': '{who} · {link}：服务 {n} / {total} 家中小企业（{share}）',
  'coverage.cell.small':
    '{who} · {link}：服务不足3家（该环节共 {total} 家中小企业；少于3家不披露具体数字）',
  'coverage.cell.none': '{who} · {link}：未服务该环节的 {total} 家中小企业',
  'coverage.cell.noSmes': '{link}：本范围内没有中小企业',

  'coverage.sort.rows': '环节排序',
  'coverage.sort.rows.chain': '产业链顺序',
  'coverage.sort.rows.gap': '缺口从大到小',
  'coverage.sort.rows.coverage': '覆盖率从低到高',
  'coverage.sort.columns': '银行排序',
  'coverage.sort.columns.presence': '按服务企业数',
  'coverage.sort.columns.type': '按机构类型',

  'coverage.legend.verdict': '覆盖判定：',
  'coverage.legend.presence': '银行服务该环节中小企业的比例：',
  'coverage.legend.presenceShort': '银行服务占比',
  'coverage.legend.small': '<3家（不披露）',

  'coverage.uncovered.title': '未覆盖环节 Uncovered links',
  'coverage.uncovered.how':
    '判定为服务空白、覆盖不足或满足不足的环节，按优先级排序：缺口 ×1.5（短板环节）×1.2（同城链主采购）。',
  'coverage.uncovered.none': '{region}没有未覆盖环节。',
  'coverage.uncovered.priority': '优先级',
  'coverage.list.all': '显示全部 {n} 项',
  'coverage.list.fewer': '只显示前 {n} 项',
  'coverage.uncovered.gap': '缺口',
  'coverage.uncovered.weak': '短板环节',
  'coverage.uncovered.leader': '同城链主采购',

  'coverage.bank.title': '我的银行 My bank',
  'coverage.bank.choose': '— 选择我的银行 —',
  'coverage.bank.unknown': '数据中没有这家银行（或它不是放贷机构）',
  'coverage.bank.group.national': '全国性银行',
  'coverage.bank.group.local': '地方银行',
  'coverage.bank.prompt':
    '选择您所在的银行，查看本行的白区：有融资缺口、本行尚未进入、产品又对路的环节。其他银行只以数量显示。',
  'coverage.bank.national': '全国性银行，可服务各地企业',
  'coverage.bank.local': '地方银行，服务区域：{cities}',
  'coverage.bank.presence':
    '在{region}：本行服务 {smes} 家中小企业，进入 {links} / {total} 个有中小企业的环节。',
  'coverage.ws.title': '白区 White space',
  'coverage.ws.how':
    '本行尚未服务任何中小企业、但本行可触达且产品对路的环节，按“缺口 × 产品匹配度”排序。',
  'coverage.ws.gap': '可介入缺口',
  'coverage.ws.smes': '有缺口企业',
  'coverage.ws.smesValue': '{withGap} / {smes} 家',
  'coverage.ws.fit': '产品匹配度',
  'coverage.ws.products': '适配产品',
  'coverage.ws.competitors': '同业',
  'coverage.ws.competitors.none': '尚无其他银行进入',
  'coverage.ws.competitors.count': '其他 {n} 家银行已进入',
  'coverage.ws.competitors.types': '（{list}）',
  'coverage.ws.none': '该范围内本行没有白区：本行已进入有缺口的环节，或本行产品与企业需求不匹配。',
  'coverage.ws.note':
    '产品匹配度 = 有缺口企业中，推荐产品前三位含本行产品的比例（≥30%才列入）。同业只显示数量与机构类型，不显示名称或条件。',

  'coverage.map.title': '在哪里：环节 × 城市覆盖判定',
  'coverage.map.link': '地图环节',
  'coverage.map.hint': '城市和省份按该环节的覆盖判定着色；点击城市或省份限定范围',
  'coverage.map.gap': '缺口',
  'coverage.map.cities': '{n} 个城市，其中 {bad} 个未覆盖',
  'coverage.map.legend': '该环节的覆盖判定',
  'coverage.map.ent.served': '缺口 {gap} · 已有银行授信',
  'coverage.map.ent.unserved': '缺口 {gap} · 尚无银行授信',

  'coverage.export.title': '{chain} · 银行覆盖与白区',
  'coverage.export.subtitle': '范围：{region} · 数据日期 {asOf} · 金额单位：万元',
  'coverage.export.noMap': '地图未能导出',
  'export.png': '导出图片 (PNG)',
  'export.png.busy': '正在生成…',
  'export.png.hint': '把当前画面连同图例、筛选条件和数据日期导出为 PNG 图片',
  'export.png.failed': '导出失败',

  // The header's perspective and unit (kept here, beside the views that obey them).
  'persp.label': '视角',
  'present.names.public': '演示/公开视角始终隐藏企业名称',
  'policy.card.publicHidden':
    '演示/公开视角不显示单家银行的政策卡（卡片以发布银行署名）。请切换到主管部门或银行视角；演示场景5展示不具名的政策要点。',
  'policy.bank.outOfScope': '本行在所选地区没有网点，不能为该范围制定政策。请选择本行所在的地区。',
  'policy.doc.banks.byType': '{type} {n}家',
  'policy.doc.banks.othersByType': '其他参与银行（按类型，不显示名称）：{list}',
  'policy.batch.othersHidden':
    '另有 {banks} 家银行共 {items} 项推荐，不显示名称和企业（本行视角）。',
  'policy.batch.typeLine': '{banks}家银行，{items}项推荐',
  'policy.batch.publicHidden': '演示/公开视角：按机构类型汇总，不显示银行与企业名称。',
  'policy.lists.publicHidden': '演示/公开视角不显示企业清单。请切换到主管部门或银行视角。',
  'coverage.bank.public': '演示/公开视角不显示任何银行的白区。请在页首切换到“银行”视角并选择本行。',
  'persp.myBank': '本行',
  'persp.choose': '选择本行…',
  'persp.change': '更换',
  'persp.needBank': '银行视角：请先在页首选择本行。未选择前，不显示任何银行名称。',
  'persp.others': '其他机构仅以数量或类型显示',
  'header.unit': '金额：万元或亿元，单位见各列',
} as const;

export const COVERAGE_EN: Record<keyof typeof COVERAGE_ZH, string> = {
  'coverage.title': 'Bank coverage and white space',
  'coverage.intro':
    'Which links have SMEs that need finance but few banks serving them? Where could my bank come in? The matrix shows who serves which link; the map shows where.',
  'coverage.chain': 'Chain',
  'coverage.region': 'Region',
  'coverage.region.all': 'All of China',
  'coverage.region.allCities': 'All cities',
  'coverage.scope': 'Scope',
  'coverage.scope.smes': '{smes} SMEs, {served} served by a bank, {lenders} lenders',
  'coverage.myBank': 'My bank',
  'coverage.myBank.none': 'none',

  'coverage.matrix.title': 'Coverage matrix 银行 × 环节覆盖矩阵',
  'coverage.matrix.how':
    'Columns are institution types: top line = SMEs of the link that type serves, bottom line and colour = their share of the link’s SMEs; blank = not present. Click a link to see it on the map.',
  'coverage.matrix.rowHeader': 'Link (verdict)',
  'coverage.matrix.lenders': 'Lenders',
  'coverage.matrix.served': 'Served',
  'coverage.matrix.gap': 'Gap',
  'coverage.matrix.colSmes': 'SMEs served',
  'coverage.matrix.colLinks': 'Links present',
  'coverage.matrix.mine': '{name} (my bank)',
  'coverage.matrix.others': 'Other banks ({n}, combined)',
  'coverage.matrix.type': '{type} ({n}, combined)',
  'coverage.matrix.banksN': '{n} banks',
  'coverage.matrix.bank1': '1 bank',
  'coverage.matrix.gapIn': 'Gap ({unit})',
  'coverage.matrix.mineShort': 'mine',
  'coverage.matrix.othersShort': 'Other banks',
  'coverage.matrix.expand': 'Show the {type} banks one by one',
  'coverage.matrix.collapse': 'Fold the {type} banks',
  'coverage.matrix.showOnMap': 'show on the map',
  'coverage.matrix.bankMode':
    'My-bank mode: the first column is your bank; other banks are combined by institution type and shown only as counts, never by name.',
  'coverage.matrix.detailHint':
    'Point at a cell (or Tab into the matrix and use the arrow keys) to read what it says.',
  'coverage.matrix.empty':
    'The chain has no SMEs in this region. Go back to all of China or choose another region.',
  'coverage.matrix.note':
    'SMEs only (chain leaders and large firms excluded); bank-type lenders with live credit only. In the bank and public perspectives cells covering fewer than 3 firms show “<3”, never the number; the department sees the numbers and can click a type’s header to list its banks.',
  'coverage.cell.serves': '{who} · {link}: serves {n} of {total} SMEs ({share})',
  'coverage.cell.small':
    '{who} · {link}: serves fewer than 3 of the link’s {total} SMEs (counts below 3 are not shown)',
  'coverage.cell.none': '{who} · {link}: serves none of the link’s {total} SMEs',
  'coverage.cell.noSmes': '{link}: no SMEs in this scope',

  'coverage.sort.rows': 'Links',
  'coverage.sort.rows.chain': 'Chain order',
  'coverage.sort.rows.gap': 'Largest gap',
  'coverage.sort.rows.coverage': 'Lowest coverage',
  'coverage.sort.columns': 'Banks',
  'coverage.sort.columns.presence': 'Most SMEs served',
  'coverage.sort.columns.type': 'By institution type',

  'coverage.legend.verdict': 'Verdict:',
  'coverage.legend.presence': 'Share of the link’s SMEs the bank serves:',
  'coverage.legend.presenceShort': 'Bank serves',
  'coverage.legend.small': '<3 firms (not shown)',

  'coverage.uncovered.title': 'Uncovered links 未覆盖环节',
  'coverage.uncovered.how':
    'Links judged blind spot, uncovered or underfunded, by priority: gap × 1.5 (weak link) × 1.2 (a leader in the same city buys from it).',
  'coverage.uncovered.none': 'No uncovered links in {region}.',
  'coverage.uncovered.priority': 'Priority',
  'coverage.list.all': 'Show all {n}',
  'coverage.list.fewer': 'Show the first {n} only',
  'coverage.uncovered.gap': 'gap',
  'coverage.uncovered.weak': 'weak link',
  'coverage.uncovered.leader': 'local leader buys',

  'coverage.bank.title': 'My bank 我的银行',
  'coverage.bank.choose': '— Choose my bank —',
  'coverage.bank.unknown': 'The dataset has no such bank (or it is not a lender)',
  'coverage.bank.group.national': 'National banks',
  'coverage.bank.group.local': 'Local banks',
  'coverage.bank.prompt':
    'Choose your bank to see its white space: links with a financing gap where it is not present yet and its products fit. Other banks appear only as counts.',
  'coverage.bank.national': 'National bank: can serve firms anywhere',
  'coverage.bank.local': 'Local bank serving {cities}',
  'coverage.bank.presence':
    'In {region}: serves {smes} SMEs, present in {links} of {total} links with SMEs.',
  'coverage.ws.title': 'White space 白区',
  'coverage.ws.how':
    'Links where the bank serves no SME yet, within its reach and where its products fit; ranked by gap × product fit.',
  'coverage.ws.gap': 'Gap to address',
  'coverage.ws.smes': 'SMEs with a gap',
  'coverage.ws.smesValue': '{withGap} of {smes}',
  'coverage.ws.fit': 'Product fit',
  'coverage.ws.products': 'Products that fit',
  'coverage.ws.competitors': 'Competitors',
  'coverage.ws.competitors.none': 'no other bank present',
  'coverage.ws.competitors.count': '{n} other banks present',
  'coverage.ws.competitors.types': '({list})',
  'coverage.ws.none':
    'No white space for this bank here: it is already present where there is a gap, or its products do not fit the need.',
  'coverage.ws.note':
    'Product fit = share of the SMEs with a gap whose top-3 recommended products include one of the bank’s (listed from 30%). Competitors appear only as counts by institution type: never names or terms.',

  'coverage.map.title': 'Where: verdict by link × city',
  'coverage.map.link': 'Link on the map',
  'coverage.map.hint': 'Cities and provinces take the link’s verdict there; click one to scope',
  'coverage.map.gap': 'gap',
  'coverage.map.cities': '{n} cities, {bad} of them uncovered',
  'coverage.map.legend': 'Verdict of the link',
  'coverage.map.ent.served': 'Gap {gap} · has bank credit',
  'coverage.map.ent.unserved': 'Gap {gap} · no bank credit yet',

  'coverage.export.title': '{chain} · bank coverage and white space',
  'coverage.export.subtitle': 'Scope: {region} · data as of {asOf} · amounts in CNY',
  'coverage.export.noMap': 'map not included',
  'export.png': 'Export image (PNG)',
  'export.png.busy': 'Preparing…',
  'export.png.hint':
    'Save the current picture with its legend, filters and data date as a PNG image',
  'export.png.failed': 'Export failed',

  'persp.label': 'View as',
  'present.names.public': 'The demo / public perspective always hides firm names',
  'policy.card.publicHidden':
    'The demo / public perspective shows no single bank’s policy card (a card is signed by its bank). Switch to the department or bank perspective; presentation scene 5 shows the policy without names.',
  'policy.bank.outOfScope':
    'My bank has no branch in the chosen region and cannot issue a policy for it. Choose a region where it operates.',
  'policy.doc.banks.byType': '{type} {n}',
  'policy.doc.banks.othersByType': 'Other participating banks (by type, not named): {list}',
  'policy.batch.othersHidden':
    '{banks} other banks hold {items} more recommendations; neither they nor their firms are shown (bank perspective).',
  'policy.batch.typeLine': '{banks} banks, {items} recommendations',
  'policy.batch.publicHidden':
    'Demo / public perspective: totals by institution type; no bank or enterprise named.',
  'policy.lists.publicHidden':
    'The demo / public perspective shows no enterprise list. Switch to the department or bank perspective.',
  'coverage.bank.public':
    'The demo / public perspective shows no bank’s white space. Switch the header to the bank perspective and choose your bank.',
  'persp.myBank': 'My bank',
  'persp.choose': 'Choose my bank…',
  'persp.change': 'Change',
  'persp.needBank':
    'Bank perspective: choose your bank in the header first. Until then no bank is named.',
  'persp.others': 'Other institutions appear only as counts or by type',
  'header.unit': 'Amounts in CNY m or bn, unit in each column',
};
