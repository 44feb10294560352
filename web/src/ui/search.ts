/**
 * Search with autocomplete over /api/search (names and aliases in both languages). An accessible combobox:
 * arrow keys move through the suggestions, Enter picks, Escape closes. Used for the main search and for the
 * path finder's from/to and the regime view's law picker.
 */
import { api } from "../api.js";
import { displayName, t, typeName } from "../i18n.js";
import { state } from "../state.js";
import type { SearchHit } from "../../../src/model/wire.js";
import { colorOf } from "../graph/settings.js";
import { h, replace, uid } from "./dom.js";

const DEBOUNCE_MS = 150;

export interface SearchBoxOptions {
  label: string;
  placeholder?: string;
  /** Only entities of these types (e.g. ["Law"]). */
  types?: string[];
  onPick: (hit: SearchHit) => void;
  /** Keep the picked name in the box (from/to fields) instead of clearing it. */
  keepValue?: boolean;
  testId?: string;
}

export interface SearchBox {
  element: HTMLElement;
  input: HTMLInputElement;
  setValue: (text: string) => void;
  /** Renames the box (its label, and its placeholder unless it has its own) in a new language. */
  setLabel: (label: string, placeholder?: string) => void;
}

export function createSearchBox(opts: SearchBoxOptions): SearchBox {
  const inputId = uid("search");
  const listId = uid("suggestions");
  const label = h("label", { for: inputId, class: "visually-hidden" }, opts.label);
  const input = h("input", {
    id: inputId,
    type: "search",
    role: "combobox",
    autocomplete: "off",
    spellcheck: "false",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    placeholder: opts.placeholder ?? opts.label,
    "data-testid": opts.testId,
  });
  const list = h("ul", { id: listId, role: "listbox", class: "suggestions", hidden: true, "aria-label": opts.label });
  const element = h("div", { class: "search-box" }, label, input, list);

  let hits: SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const render = () => {
    const lang = state.lang;
    replace(
      list,
      hits.length === 0
        ? h("li", { class: "suggestion empty", role: "option", "aria-disabled": "true" }, t(lang, "noResults"))
        : hits.map((hit, i) => {
            const name = displayName(lang, hit);
            const other = lang === "zh" ? hit.nameEn : hit.nameZh;
            const li = h(
              "li",
              {
                id: `${listId}-${i}`,
                role: "option",
                class: "suggestion",
                "aria-selected": i === active ? "true" : "false",
                "data-id": hit.id,
              },
              h("span", { class: "dot", style: `background:${colorOf(hit.type)}` }),
              h("span", { class: "suggestion-name" }, name),
              other && other !== name ? h("span", { class: "suggestion-alt" }, other) : null,
              hit.snippet && hit.snippet !== name && hit.snippet !== other
                ? h("span", { class: "suggestion-alt" }, `“${hit.snippet}”`)
                : null,
              h("span", { class: "suggestion-type" }, typeName(lang, hit.type)),
            );
            li.addEventListener("mousedown", (e) => {
              e.preventDefault();
              pick(i);
            });
            return li;
          }),
    );
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (active >= 0) input.setAttribute("aria-activedescendant", `${listId}-${active}`);
  };

  const pick = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    close();
    input.value = opts.keepValue ? displayName(state.lang, hit) : "";
    opts.onPick(hit);
  };

  const query = (q: string) => {
    controller?.abort();
    controller = new AbortController();
    const signal = controller.signal;
    api
      .search(q, 12, signal)
      .then((res) => {
        if (signal.aborted) return;
        hits = opts.types ? res.results.filter((r) => opts.types!.includes(r.type)) : res.results;
        active = hits.length ? 0 : -1;
        render();
      })
      .catch((err: Error) => {
        if (err.name === "AbortError" || signal.aborted) return;
        hits = [];
        close();
      });
  };

  input.addEventListener("input", () => {
    if (timer) clearTimeout(timer);
    const q = input.value.trim();
    if (!q) {
      controller?.abort();
      close();
      return;
    }
    timer = setTimeout(() => query(q), DEBOUNCE_MS);
  });
  input.addEventListener("keydown", (e) => {
    if (list.hidden) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!hits.length) return;
      active = (active + (e.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (e.key === "Enter") {
      e.preventDefault();
      pick(active >= 0 ? active : 0);
    } else if (e.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 120));
  state.on("lang", () => {
    if (!list.hidden) render();
  });

  const setLabel = (text: string, placeholder?: string) => {
    label.textContent = text;
    list.setAttribute("aria-label", text);
    input.placeholder = placeholder ?? text;
  };
  return { element, input, setValue: (text) => (input.value = text), setLabel };
}
