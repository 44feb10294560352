/**
 * Building DOM safely: every string becomes a text node or an attribute value, never markup. Nothing in the
 * explorer assigns innerHTML, so a name like `<img src=x onerror=...>` shows literally and runs nothing.
 */

type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | undefined | null | EventListener | ((e: never) => void)>;

/** An element with attributes (`class`, `aria-label`...), listeners (`onclick`...) and text or element children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value as EventListener);
    } else if (key === "value" && "value" in el) {
      (el as HTMLInputElement).value = String(value);
    } else if (key === "checked" && el instanceof HTMLInputElement) {
      el.checked = Boolean(value);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces an element's children. */
export function replace(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A link that opens an external address in a new tab, only for http(s) addresses; anything else is plain text. */
export function safeLink(url: unknown, text: string): HTMLElement {
  if (typeof url === "string" && /^https?:\/\//i.test(url)) {
    return h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, text);
  }
  return h("span", {}, text);
}

let idCounter = 0;
/** A unique id for pairing labels with controls. */
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** The language a text is written in, as far as the explorer needs to know: Chinese when a fifth of it is Han. */
export function textLang(text: string): "en" | "zh" {
  const han = text.match(CJK)?.length ?? 0;
  return han > 0 && han >= [...text.replace(/\s/g, "")].length / 5 ? "zh" : "en";
}

/** The small tag that says a text is in the other language ("EN", "中文"). */
export function langTag(textLanguage: "en" | "zh", uiLang: "en" | "zh"): HTMLElement {
  return h(
    "span",
    {
      class: "lang-tag",
      "data-testid": "lang-tag",
      title:
        uiLang === "zh"
          ? textLanguage === "en"
            ? "英文原文"
            : "中文原文"
          : textLanguage === "zh"
            ? "Original in Chinese"
            : "Original in English",
    },
    textLanguage === "zh" ? "中文" : "EN",
  );
}

/** A quote, marked with its language; when that is not the interface's, it carries a language tag. */
export function quoteBlock(text: string, uiLang: "en" | "zh", props: Record<string, string> = {}): HTMLElement {
  const lang = textLang(text);
  return h(
    "blockquote",
    { class: "quote", lang: lang === "zh" ? "zh-CN" : "en", ...props },
    lang !== uiLang ? [langTag(lang, uiLang), " "] : null,
    text,
  );
}

/** An entity's name; a name shown in the other language (the entity has none in this one) is tagged as such. */
export function nameText(
  name: { text: string; fallback: "en" | "zh" | null },
  uiLang: "en" | "zh",
): HTMLElement | string {
  if (!name.fallback) return name.text;
  return h(
    "span",
    { class: "name-fallback", lang: name.fallback === "zh" ? "zh-CN" : "en" },
    name.text,
    " ",
    langTag(name.fallback, uiLang),
  );
}
