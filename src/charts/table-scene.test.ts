import { describe, expect, it } from 'vitest';
import { estimateTextWidth } from './matrix';
import { buildTableScene, tableTexts } from './table-scene';

describe('buildTableScene()', () => {
  it('puts the title, the header and one line per row, columns side by side', () => {
    const t = buildTableScene(
      '目标企业',
      [
        { header: '企业', width: 80 },
        { header: '缺口（亿元）', width: 60, align: 'end' },
      ],
      [
        ['甲', '1.2'],
        ['乙', '0.8'],
      ],
      10,
    );
    // width: 8 + 80 + 60 + 8; title baseline 8 + 10 + 4 = 22; header 22 + 20 + 2 = 44; rows 64, 84
    expect(t.width).toBe(156);
    expect(t.title).toMatchObject({ x: 8, y: 22, text: '目标企业' });
    expect(t.headers.map((h) => [h.x, h.y, h.anchor])).toEqual([
      [8, 44, 'start'],
      [140, 44, 'end'],
    ]);
    expect(t.rows.map((r) => r.map((c) => [c.text, c.y]))).toEqual([
      [
        ['甲', 64],
        ['1.2', 64],
      ],
      [
        ['乙', 84],
        ['0.8', 84],
      ],
    ]);
    expect(t.rules).toEqual([50, 70, 90]);
    expect(t.height).toBe(98);
    expect(tableTexts(t)).toContain('0.8');
  });

  it('cuts a cell to its column with “…” and keeps the full text', () => {
    const t = buildTableScene('T', [{ header: 'A', width: 48 }], [['示例企业名称很长很长']], 10);
    const c = t.rows[0]?.[0];
    expect(c?.full).toBe('示例企业名称很长很长');
    expect(estimateTextWidth(c?.text ?? '', 10)).toBeLessThanOrEqual(40);
  });
});
