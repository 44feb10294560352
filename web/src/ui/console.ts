/**
 * The Cypher console panel: the saved queries in a side list (picking one fills the editor and shows its
 * parameters as a form), the editor (loaded on demand), Run and Ctrl+Enter, and the result as a table; when the
 * result holds nodes or relationships the view controller draws them in the canvas. Refusals and errors are shown
 * inline with the server's message. Running sets the console view in state (and so in the URL).
 */
import { api } from "../api.js";
import { t } from "../i18n.js";
import { state } from "../state.js";
import type { QueryResult, SavedQueryInfo as SavedQuery, SavedQueryParam } from "../../../src/model/wire.js";
import type { ConsoleEditor } from "./cypher-editor.js";
import { h, replace, uid } from "./dom.js";

const MAX_TABLE_ROWS = 500;
const MAX_CELL_CHARS = 400;

export const DEFAULT_QUERY = "MATCH (c:Company)<-[r:INVESTIGATES|FINES|SUES|ACCUSES]-(a)\nRETURN a, r, c\nLIMIT 50";

/** A cell as text: nodes and relationships as Cypher-like literals, lists joined, maps as JSON. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v !== "object") return String(v);
  const o = v as {
    kind?: string;
    labels?: string[];
    type?: string;
    properties?: Record<string, unknown>;
    nodes?: unknown[];
  };
  const name = (p?: Record<string, unknown>) => String(p?.nameEn ?? p?.nameZh ?? p?.title ?? p?.id ?? "");
  if (o.kind === "node") return `(:${(o.labels ?? []).filter((l) => l !== "Entity").join(":")} ${name(o.properties)})`;
  if (o.kind === "relationship") return `[:${o.type}]`;
  if (o.kind === "path") return `path of ${Math.max(0, (o.nodes?.length ?? 1) - 1)} step(s)`;
  if (Array.isArray(v)) return v.map(cellText).join(", ");
  const s = JSON.stringify(v);
  return s.length > MAX_CELL_CHARS ? `${s.slice(0, MAX_CELL_CHARS)}…` : s;
}

function paramInput(p: SavedQueryParam, value: unknown, id: string): HTMLInputElement {
  const text = Array.isArray(value) ? value.join(", ") : value === undefined || value === null ? "" : String(value);
  return h("input", {
    id,
    name: p.name,
    type: p.type === "int" ? "number" : "text",
    value: text,
    placeholder: p.type === "date" ? "YYYY-MM-DD" : p.type.endsWith("[]") ? "a, b, c" : p.type,
    "data-type": p.type,
  });
}

function readParam(input: HTMLInputElement): unknown {
  const type = input.dataset.type ?? "string";
  const v = input.value.trim();
  if (type.endsWith("[]"))
    return v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (type === "int") return v === "" ? undefined : Number(v);
  return v === "" ? undefined : v;
}

export function createConsolePanel(): HTMLElement {
  const panel = h("section", {
    class: "panel console",
    "aria-label": "Cypher console",
    "data-testid": "console-panel",
  });
  const savedList = h("ul", { class: "saved-list", "data-testid": "saved-queries" });
  const form = h("form", { class: "param-form", "data-testid": "param-form" });
  const editorHost = h("div", { class: "editor-host" });
  const runButton = h("button", { type: "button", class: "primary", "data-testid": "console-run" });
  const outcome = h("div", { class: "console-outcome", role: "status", "data-testid": "console-outcome" });
  const table = h("div", { class: "result-table", "data-testid": "console-table" });
  const savedTitle = h("h3", {});
  const editorLabel = h("h3", {});
  const paramsTitle = h("h3", {});

  let saved: SavedQuery[] = [];
  let chosen: SavedQuery | null = null;
  let editor: ConsoleEditor | null = null;
  let pendingText: string | null = null;
  let schemaLoaded = false;

  panel.append(
    h("div", { class: "console-saved" }, savedTitle, savedList),
    h(
      "div",
      { class: "console-main" },
      editorLabel,
      editorHost,
      paramsTitle,
      form,
      h("div", { class: "console-actions" }, runButton),
      outcome,
      table,
    ),
  );

  const currentText = () => editor?.getValue() ?? pendingText ?? "";

  const params = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    form.querySelectorAll("input").forEach((input) => {
      const v = readParam(input);
      if (v !== undefined) out[input.name] = v;
    });
    return out;
  };

  const run = () => {
    const query = currentText().trim();
    if (!query) return;
    const isSaved = chosen !== null && query === chosen.query.trim();
    state.setView({ kind: "console", query, saved: isSaved ? chosen!.name : null, params: params(), run: Date.now() });
  };

  const renderForm = (values: Record<string, unknown>) => {
    const lang = state.lang;
    paramsTitle.textContent = t(lang, "consoleParams");
    paramsTitle.hidden = !chosen || chosen.params.length === 0;
    replace(
      form,
      (chosen?.params ?? []).map((p) => {
        const id = uid("param");
        return h(
          "div",
          { class: "field" },
          h("label", { for: id }, `$${p.name}`, h("span", { class: "muted" }, ` ${p.description}`)),
          paramInput(p, values[p.name] ?? p.default, id),
        );
      }),
    );
  };

  const choose = (q: SavedQuery, values: Record<string, unknown> = {}) => {
    chosen = q;
    if (editor) editor.setValue(q.query);
    else pendingText = q.query;
    renderForm(values);
    renderSaved();
  };

  const renderSaved = () => {
    replace(
      savedList,
      saved.map((q) =>
        h(
          "li",
          {},
          h(
            "button",
            {
              type: "button",
              class: `saved${chosen?.name === q.name ? " active" : ""}`,
              title: q.description,
              "data-name": q.name,
              "aria-pressed": chosen?.name === q.name ? "true" : "false",
              onclick: () => choose(q),
            },
            q.title,
          ),
        ),
      ),
    );
  };

  const renderResult = () => {
    const lang = state.lang;
    const data = state.viewData;
    if (state.view.kind !== "console") return;
    if (data.loading) {
      replace(outcome, h("p", { class: "muted" }, t(lang, "loading")));
      replace(table);
      return;
    }
    if (data.error) {
      const refused = data.error.status === 403;
      replace(
        outcome,
        h(
          "p",
          { class: "error", role: "alert", "data-testid": "console-error" },
          h("strong", {}, `${refused ? t(lang, "consoleRefused") : t(lang, "consoleError")} (${data.error.title}): `),
          data.error.message,
        ),
      );
      replace(table);
      return;
    }
    const r: QueryResult | undefined = data.query;
    if (!r) {
      replace(outcome);
      replace(table);
      return;
    }
    replace(
      outcome,
      h(
        "p",
        {},
        t(lang, "consoleRows", { n: r.rows.length, ms: r.durationMs }),
        r.truncated ? h("strong", {}, ` (${t(lang, "consoleTruncated")})`) : null,
        " — ",
        r.graph.nodes.length ? t(lang, "consoleGraph", { n: r.graph.nodes.length }) : t(lang, "consoleNoGraph"),
      ),
    );
    const rows = r.rows.slice(0, MAX_TABLE_ROWS);
    replace(
      table,
      h(
        "table",
        {},
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            r.columns.map((c) => h("th", { scope: "col" }, c)),
          ),
        ),
        h(
          "tbody",
          {},
          rows.map((row) =>
            h(
              "tr",
              {},
              r.columns.map((c) => h("td", {}, cellText(row[c]))),
            ),
          ),
        ),
      ),
    );
  };

  const renderStatic = () => {
    const lang = state.lang;
    savedTitle.textContent = t(lang, "consoleSaved");
    editorLabel.textContent = t(lang, "consoleEditor");
    runButton.textContent = t(lang, "consoleRun");
    paramsTitle.textContent = t(lang, "consoleParams");
  };

  const loadSchema = async () => {
    if (schemaLoaded || !editor) return;
    schemaLoaded = true;
    try {
      const [labels, types, keys] = await Promise.all([
        api.cypher("CALL db.labels()"),
        api.cypher("CALL db.relationshipTypes()"),
        api.cypher("CALL db.propertyKeys()"),
      ]);
      const col = (r: QueryResult) => r.rows.map((row) => String(row[r.columns[0]]));
      editor.setSchema({ labels: col(labels), relationshipTypes: col(types), propertyKeys: col(keys) });
    } catch {
      // Completion of keywords still works; labels and types come with the next opening.
      schemaLoaded = false;
    }
  };

  /** Mounts the editor and loads the saved queries and schema the first time the console is shown. */
  let opened = false;
  const open = async () => {
    if (opened) return;
    opened = true;
    const v = state.view.kind === "console" ? state.view : null;
    pendingText = v?.query || pendingText || DEFAULT_QUERY;
    const [mod, list] = await Promise.all([
      import("./cypher-editor.js"),
      api.queries().catch(() => ({ queries: [] as SavedQuery[] })),
    ]);
    saved = list.queries;
    editor = mod.mountEditor(editorHost, pendingText, t(state.lang, "consoleEditor"), run);
    pendingText = null;
    if (v?.saved) {
      const q = saved.find((s) => s.name === v.saved);
      if (q) {
        chosen = q;
        renderForm(v.params);
      }
    }
    renderSaved();
    void loadSchema();
  };

  runButton.addEventListener("click", run);
  panel.addEventListener("keydown", (e) => {
    if (
      (e.ctrlKey || e.metaKey) &&
      e.key === "Enter" &&
      !(e.target instanceof HTMLElement && e.target.closest(".cm-editor"))
    ) {
      e.preventDefault();
      run();
    }
  });
  state.on("view", () => {
    if (state.view.kind !== "console") return;
    void open();
    const v = state.view;
    if (editor && v.query && v.query !== editor.getValue().trim()) editor.setValue(v.query);
  });
  state.on(["viewData"], renderResult);
  state.on("lang", () => {
    renderStatic();
    renderResult();
    if (chosen) renderForm(params());
  });
  renderStatic();
  return panel;
}
