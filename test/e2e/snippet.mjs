// Expands a VS Code snippet body the way the editor does when the user accepts it and leaves every
// placeholder as is: tab stops become their default text (a choice its first option), date
// variables become today's date. The e2e tests compare a saved note with this.

const pad = (n) => String(n).padStart(2, '0');

/** Today as YYYY-MM-DD in local time (the editor resolves $CURRENT_* in local time too). */
export function todayIso(now = new Date()) {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function variableValue(name, now, fileName) {
  const values = {
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_YEAR_SHORT: String(now.getFullYear()).slice(-2),
    CURRENT_MONTH: pad(now.getMonth() + 1),
    CURRENT_MONTH_NAME: now.toLocaleString('en-US', { month: 'long' }),
    CURRENT_MONTH_NAME_SHORT: now.toLocaleString('en-US', { month: 'short' }),
    CURRENT_DATE: pad(now.getDate()),
    CURRENT_DAY_NAME: now.toLocaleString('en-US', { weekday: 'long' }),
    CURRENT_DAY_NAME_SHORT: now.toLocaleString('en-US', { weekday: 'short' }),
    TM_FILENAME: fileName,
    TM_FILENAME_BASE: fileName ? fileName.replace(/\.[^.]*$/, '') : undefined,
    TM_SELECTED_TEXT: '',
    SELECTION: '',
  };
  return values[name];
}

/**
 * Expands `body` (a string or the array of lines from a snippets JSON file).
 * Throws on syntax it does not know (transforms), so a new snippet feature makes the test say so.
 */
export function expandSnippet(body, { now = new Date(), fileName } = {}) {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map();
  let i = 0;

  function parse(stopAt) {
    let out = '';
    while (i < text.length) {
      const ch = text[i];
      if (stopAt && stopAt.includes(ch)) return out;
      if (ch === '\\' && i + 1 < text.length && '$}\\,|'.includes(text[i + 1])) {
        out += text[i + 1];
        i += 2;
      } else if (ch === '$') {
        out += parseDollar();
      } else {
        out += ch;
        i++;
      }
    }
    return out;
  }

  function parseDollar() {
    i++; // $
    let m = /^(\d+)/.exec(text.slice(i));
    if (m) { i += m[1].length; return defaults.get(m[1]) ?? ''; }
    m = /^([A-Z_][A-Z0-9_]*)/i.exec(text.slice(i));
    if (m) { i += m[1].length; return resolveVariable(m[1], undefined); }
    if (text[i] !== '{') return '$';
    i++; // {
    m = /^(\d+|[A-Z_][A-Z0-9_]*)/i.exec(text.slice(i));
    if (!m) throw new Error(`unsupported snippet syntax at ${i}: ${text.slice(i - 2, i + 20)}`);
    const id = m[1];
    i += id.length;
    const isTabStop = /^\d+$/.test(id);
    if (text[i] === '}') { i++; return isTabStop ? defaults.get(id) ?? '' : resolveVariable(id, undefined); }
    if (text[i] === ':') {
      i++;
      const inner = parse('}');
      i++; // }
      if (isTabStop) { if (!defaults.has(id)) defaults.set(id, inner); return inner; }
      return resolveVariable(id, inner);
    }
    if (text[i] === '|' && isTabStop) {
      i++;
      const first = parse(',|');
      while (i < text.length && text[i] !== '|') { i++; parse(',|'); }
      i += 2; // |}
      if (!defaults.has(id)) defaults.set(id, first);
      return first;
    }
    throw new Error(`unsupported snippet syntax (transform?) in \${${id}${text.slice(i, i + 20)}`);
  }

  function resolveVariable(name, fallback) {
    const value = variableValue(name, now, fileName);
    if (value !== undefined) return value;
    if (fallback !== undefined) return fallback;
    throw new Error(`the e2e snippet expander does not know $${name}; add it to test/e2e/snippet.mjs`);
  }

  // First pass collects placeholder defaults (a later `$1` mirrors an earlier `${1:text}`).
  parse();
  i = 0;
  return parse();
}
