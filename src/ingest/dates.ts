/**
 * Dates as newsletters write them (`2026年2月4日`, `2026-02-04`, `2 月 17 日` with the year of the issue,
 * `February 3, 2026`), turned into the model's ISO form. Only calendar dates are returned.
 */
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const EN_MONTH =
  "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

const DATE_PATTERNS: { re: RegExp; parse: (m: RegExpExecArray, year?: number) => string | undefined }[] = [
  { re: /(?<!\d)(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})(?!\d)/g, parse: (m) => ymd(+m[1], +m[2], +m[3]) },
  {
    re: new RegExp(`${EN_MONTH}\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})`, "gi"),
    parse: (m) => ymd(+m[3], MONTHS[m[1].slice(0, 3).toLowerCase()], +m[2]),
  },
  {
    re: new RegExp(`(?<!\\d)(\\d{1,2})\\s+${EN_MONTH}\\.?,?\\s+(\\d{4})`, "gi"),
    parse: (m) => ymd(+m[3], MONTHS[m[2].slice(0, 3).toLowerCase()], +m[1]),
  },
  {
    re: /(?<![\d.])(\d{1,2})\s*月\s*(\d{1,2})\s*日/g,
    parse: (m, year) => (year ? ymd(year, +m[1], +m[2]) : undefined),
  },
  { re: /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)/g, parse: (m) => ym(+m[1], +m[2]) },
];

const pad = (n: number) => String(n).padStart(2, "0");

function ymd(y: number, m: number, d: number): string | undefined {
  if (!(y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? iso : undefined;
}

function ym(y: number, m: number): string | undefined {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 ? `${y}-${pad(m)}` : undefined;
}

/**
 * The first date in a text, by position. Month-day dates take `year` (the year); a bare `YYYY年M月` gives a
 * month-precision date. `fullOnly` skips month-precision dates.
 */
export function firstDate(text: string, year?: number, fullOnly = false): string | undefined {
  let best: { at: number; iso: string } | undefined;
  for (const { re, parse } of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (best && m.index >= best.at) break;
      const iso = parse(m, year);
      if (iso && (!fullOnly || iso.length === 10)) {
        best = { at: m.index, iso };
        break;
      }
    }
  }
  return best?.iso;
}

export function yearOf(date: string | undefined): number | undefined {
  return date ? Number(date.slice(0, 4)) : undefined;
}
