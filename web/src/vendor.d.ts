/**
 * Types for @neo4j-cypher/codemirror: the package ships them (src/codemirror.d.ts) but its "exports" map hides
 * them from TypeScript's bundler resolution, so the part the console uses is declared here.
 */
declare module "@neo4j-cypher/codemirror" {
  import type { Extension } from "@codemirror/state";
  import type { EditorView } from "@codemirror/view";

  export interface EditorSupportSchema {
    labels?: string[];
    relationshipTypes?: string[];
    propertyKeys?: string[];
    parameters?: string[];
  }
  export interface EditorOptions {
    value?: string;
    autofocus?: boolean;
    lineNumbers?: boolean;
    lineWrapping?: boolean;
    theme?: "light" | "dark" | "auto";
    tooltipAbsolute?: boolean;
    schema?: EditorSupportSchema;
    preExtensions?: Extension[];
    postExtensions?: Extension[];
  }
  export interface EditorApi {
    codemirror: EditorView;
    setValue(value?: string, parseOnSetValue?: boolean): void;
    setSchema(schema?: EditorSupportSchema): void;
    focus(): void;
    destroy(): void;
  }
  // The shipped d.ts says EditorApi; version 1.0.3 actually returns it wrapped as { editor }.
  export function createCypherEditor(parent: Element | DocumentFragment, options: EditorOptions): { editor: EditorApi };
}
