/**
 * Reads 项目名称, 主管部门 and 实施单位 from the header rows of a table. Repairs: the project name
 * printed on the line before its 项目名称 label (`name_after_label`), a label and its value in one
 * cell ("实施单位 上海市教育委员会", `label_value_joined`).
 */
import { fieldOf, type FieldLabelKey } from '../domain/labels.js';
import { report, type StageContext } from '../stage.js';
import type { Cell, Row } from '../types.js';

export type HeaderKey = 'project_name' | 'department' | 'implementing_unit';
export interface HeaderValue {
  value: string;
  row: Row;
  cell: Cell;
}
export type HeaderFields = Partial<Record<HeaderKey, HeaderValue>>;

const HEADER_KEYS: readonly FieldLabelKey[] = ['project_name', 'department', 'implementing_unit'];

/** Splits "实施单位 上海市…" or "项目名称：…" into the label's field and the value. */
function splitJoined(text: string): { key: FieldLabelKey; value: string } | undefined {
  const m = /^(\S{2,8}?)[\s：:]+(.+)$/.exec(text);
  if (!m) return undefined;
  const key = fieldOf(m[1]!);
  return key && HEADER_KEYS.includes(key) ? { key, value: m[2]!.trim() } : undefined;
}

function isAnyLabel(text: string): boolean {
  return fieldOf(text) !== undefined || splitJoined(text) !== undefined;
}

/** Given the rows before the funds block, returns the header fields found. */
export function readHeaderFields(rows: readonly Row[], ctx: StageContext): HeaderFields {
  const out: HeaderFields = {};
  let nameLabelRow = -1;
  rows.forEach((row, r) => {
    const cells = row.cells;
    for (let i = 0; i < cells.length; i++) {
      const text = cells[i]!.text;
      if (text === '') continue;
      const key = fieldOf(text);
      if (key && (HEADER_KEYS as readonly string[]).includes(key)) {
        const k = key as HeaderKey;
        if (k === 'project_name') nameLabelRow = r;
        for (let j = i + 1; j < cells.length; j++) {
          const v = cells[j]!.text;
          if (v === '') continue;
          if (isAnyLabel(v)) break;
          if (!out[k]) out[k] = { value: v, row, cell: cells[j]! };
          break;
        }
        continue;
      }
      const joined = splitJoined(text);
      if (joined && !out[joined.key as HeaderKey]) {
        out[joined.key as HeaderKey] = { value: joined.value, row, cell: cells[i]! };
        report(ctx, 'label_value_joined', `"${joined.key === 'project_name' ? '项目名称' : text.split(/[\s：:]/)[0]}" and its value shared one cell`, { row, cell: cells[i], field: joined.key }, { actual: text, expected: joined.value });
      }
    }
  });
  if (!out.project_name && nameLabelRow > 0) {
    const prev = rows[nameLabelRow - 1]!;
    const texts = prev.cells.filter((c) => c.text !== '');
    if (texts.length === 1 && !isAnyLabel(texts[0]!.text)) {
      out.project_name = { value: texts[0]!.text, row: prev, cell: texts[0]! };
      report(ctx, 'name_after_label', '项目名称 was printed on the line after the project name', { row: rows[nameLabelRow], field: 'project_name' }, { actual: texts[0]!.text });
    }
  }
  return out;
}
