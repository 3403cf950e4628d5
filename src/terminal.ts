/**
 * Text for a terminal: file names and cell text come from untrusted files, and an escape sequence
 * in them (ESC [ …, a C1 control, a bidirectional override) would be run by the terminal. Every
 * such character is shown escaped instead (`\x1b`, `\u202e`).
 */

// C0 controls and DEL, C1 controls, bidirectional embeddings, overrides and isolates, line and paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(ch: string): string {
  const c = ch.charCodeAt(0);
  return c < 0x100 ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
}

/** Escapes what a terminal would interpret; keeps line breaks and tabs (multi-line output). */
export function safeText(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Escapes what a terminal would interpret, line breaks and tabs included (one line of output). */
export function safeLine(text: string): string {
  return text.replace(UNSAFE_IN_LINE, escape);
}

/** JSON with the characters JSON leaves raw but a terminal interprets (DEL, C1, bidi) escaped as \u…. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
