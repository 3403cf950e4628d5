/**
 * CJK text normalisation for extracted PDF text.
 *
 * PDF producers often map glyphs to look-alike code points: Kangxi radicals (U+2F00–U+2FDF) and
 * CJK Radicals Supplement forms (U+2E80–U+2EFF) instead of the unified ideographs, compatibility
 * ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F), full-width digits and Latin letters. Given a
 * string, `normalizeCjk` maps those to the canonical characters and removes spaces next to CJK
 * characters, but keeps full-width CJK punctuation （）：，。 as printed.
 */

/**
 * CJK Radicals Supplement forms that have an obvious unified ideograph. NFKC maps only two of
 * this block (⺟, ⻳), so the common simplified-Chinese forms are listed here.
 */
const RADICAL_SUPPLEMENT: Readonly<Record<string, string>> = {
  '⺁': '厂', '⺂': '乛', '⺃': '乚', '⺄': '乙', '⺅': '亻', '⺆': '冂', '⺇': '几', '⺉': '刂', '⺊': '卜',
  '⺋': '㔾', '⺌': '小', '⺍': '小', '⺎': '兀', '⺏': '尣', '⺐': '尢', '⺑': '尣', '⺒': '巳', '⺓': '幺',
  '⺔': '彑', '⺕': '彐', '⺖': '忄', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺜': '日', '⺝': '月',
  '⺞': '歺', '⺟': '母', '⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬', '⺤': '爫', '⺥': '爫',
  '⺦': '丬', '⺧': '牛', '⺨': '犭', '⺩': '王', '⺪': '疋', '⺫': '罒', '⺬': '示', '⺭': '礻',
  '⺮': '竹', '⺯': '糹', '⺰': '纟', '⺱': '罓', '⺲': '罒', '⺳': '罒', '⺶': '羊', '⺷': '羊',
  '⺹': '耂', '⺺': '肀', '⺻': '聿', '⺼': '月', '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹',
  '⻁': '虎', '⻂': '衤', '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝',
  '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '钅', '⻑': '長', '⻒': '镸',
  '⻓': '长', '⻔': '门', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风',
  '⻜': '飞', '⻝': '食', '⻞': '飠', '⻟': '飠', '⻠': '饣', '⻢': '马', '⻣': '骨', '⻤': '鬼',
  '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '斉', '⻬': '齐',
  '⻭': '歯', '⻮': '齿', '⻯': '竜', '⻰': '龙', '⻱': '龜', '⻲': '亀', '⻳': '龟',
};

/**
 * Kangxi radicals whose glyph in simplified-Chinese fonts is another ideograph than the one
 * NFKC names: the radical DOOR is drawn 户 (U+6237), not 戶 (U+6236). Noto Sans/Serif CJK SC
 * map U+2F3E and U+6237 to one glyph.
 */
const KANGXI_SC: Readonly<Record<string, string>> = { '⼾': '户' };

/**
 * Glyphs that a CJK font shares between a common ideograph and a rarer code point (CJK
 * Extension A). Chromium (Skia) writes the lowest code point of a glyph into the ToUnicode map
 * and the text it shaped into an /ActualText span around it, which poppler reads and pdf.js
 * does not: inside such a span, the rarer code point stands for the common ideograph the glyph
 * shows. Pairs found by printing every URO ideograph in Noto Sans/Serif CJK SC with Chromium.
 */
const SHARED_GLYPHS: Readonly<Record<string, string>> = { '㬵': '胶', '㬺': '幐', '㫚': '曶', '㮣': '槩' };

/**
 * Given the text of glyphs the producer marked as ambiguous (an /ActualText span), returns the
 * ideographs the glyphs show.
 */
export function resolveSharedGlyphs(text: string): string {
  let out = '';
  for (const ch of text) out += SHARED_GLYPHS[ch] ?? KANGXI_SC[ch] ?? ch;
  return out;
}

/**
 * Full-width signs mapped to ASCII. Full-width CJK punctuation (（）：，；！？ and the like) is
 * kept as printed: the published tables use it and the expected values keep it.
 */
const FULLWIDTH_SIGNS = new Set('％＋－＝＜＞＊／＆＃＠＄＾＿｜～＼．');

/** A character is CJK for spacing purposes: ideographs, CJK punctuation, full-width forms. */
const CJK_CHAR =
  /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\u2018-\u201F\u2026\u00B7\u2014]|[\u{20000}-\u{2FA1F}]/u;

/**
 * Spaces next to a CJK character. Chinese text has no word spaces; the spaces found there come
 * from the producer (LibreOffice Writer's autospace between CJK and digits prints
 * "达到 2023 年"), so they go, also between CJK and Latin text.
 */
const SPACE_NEXT_TO_CJK = new RegExp(
  `(?<=${CJK_CHAR.source})[ \\t]+|[ \\t]+(?=${CJK_CHAR.source})`,
  'gu',
);

/** Returns true when `ch` (one code point) is CJK for spacing and line-joining purposes. */
export function isCjkChar(ch: string): boolean {
  return CJK_CHAR.test(ch);
}

/** Maps one code point to its canonical form (see the module comment). */
function normalizeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x2e80) {
    if (cp === 0xa0 || (cp >= 0x2000 && cp <= 0x200a)) return ' ';
    return ch;
  }
  if (cp <= 0x2eff) return RADICAL_SUPPLEMENT[ch] ?? ch;
  // Kangxi radicals and compatibility ideographs: NFKC gives the unified ideograph.
  if (cp <= 0x2fdf) return KANGXI_SC[ch] ?? ch.normalize('NFKC');
  if (cp === 0x3000) return ' ';
  if (cp >= 0xf900 && cp <= 0xfaff) return ch.normalize('NFKC');
  if (cp >= 0x2f800 && cp <= 0x2fa1f) return ch.normalize('NFKC');
  if (cp >= 0xff10 && cp <= 0xff19) return String.fromCharCode(cp - 0xfee0); // ０-９
  if (cp >= 0xff21 && cp <= 0xff3a) return String.fromCharCode(cp - 0xfee0); // Ａ-Ｚ
  if (cp >= 0xff41 && cp <= 0xff5a) return String.fromCharCode(cp - 0xfee0); // ａ-ｚ
  if (FULLWIDTH_SIGNS.has(ch)) return String.fromCharCode(cp - 0xfee0);
  return ch;
}

/**
 * Given extracted text, returns it with CJK look-alikes mapped to canonical characters, spaces
 * between CJK characters removed, runs of spaces collapsed and each line trimmed.
 * Line breaks ("\n") are kept.
 */
export function normalizeCjk(text: string): string {
  let out = '';
  for (const ch of text) out += normalizeChar(ch);
  out = out.replace(SPACE_NEXT_TO_CJK, '');
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .trim();
}

/** The text as labels are compared: normalised, without any whitespace. */
export function compactText(text: string): string {
  return normalizeCjk(text).replace(/\s+/g, '');
}

/** `compactText` without the number a label may carry as an item of its section (2.项目实施内容及过程概述). */
export function unnumbered(text: string): string {
  return compactText(text).replace(/^\d+[.．、]/u, '');
}

/** A placeholder printed for no value (-, —, /): a complete cell on its own. */
export const PLACEHOLDER = /^[-—–/－]$/;

/** A number as a table cell prints it: optional sign, thousands separators, decimals, %. */
export const FIGURE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/u;
