/**
 * The console's editor, loaded on demand (the Cypher parser is large): CodeMirror 6 with @neo4j-cypher/codemirror
 * for highlighting and completion of labels, relationship types and properties, and Ctrl/Cmd+Enter to run.
 */
import { Prec } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { createCypherEditor } from "@neo4j-cypher/codemirror";
import "@neo4j-cypher/codemirror/css/cypher-codemirror.css";

export interface CypherSchema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
  parameters?: string[];
}

export interface ConsoleEditor {
  getValue: () => string;
  setValue: (text: string) => void;
  setSchema: (schema: CypherSchema) => void;
  focus: () => void;
  contentElement: HTMLElement;
}

export function mountEditor(parent: HTMLElement, value: string, ariaLabel: string, onRun: () => void): ConsoleEditor {
  const run = () => {
    onRun();
    return true;
  };
  const { editor } = createCypherEditor(parent, {
    value,
    autofocus: false,
    lineNumbers: true,
    lineWrapping: true,
    theme: "light",
    tooltipAbsolute: true,
    preExtensions: [
      Prec.highest(
        keymap.of([
          { key: "Mod-Enter", run },
          { key: "Ctrl-Enter", run },
        ]),
      ),
    ],
  });
  const content = editor.codemirror.contentDOM;
  content.setAttribute("aria-label", ariaLabel);
  content.setAttribute("data-testid", "cypher-editor");
  return {
    getValue: () => editor.codemirror.state.doc.toString(),
    setValue: (text) => editor.setValue(text),
    setSchema: (schema) => editor.setSchema(schema),
    focus: () => editor.focus(),
    contentElement: content,
  };
}
