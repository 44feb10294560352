/** The OpenAPI 3 document, generated from the routes' zod schemas (see defineRoute), and the page that shows it. */
import { OpenApiGeneratorV3, type OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";

export function openApiDocument(registry: OpenAPIRegistry): Record<string, unknown> {
  registry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "API_TOKEN, required when the server is bound beyond loopback",
  });
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: "3.0.3",
    info: {
      title: "Compliance graph API",
      version: "0.1.0",
      description:
        "Search, dossiers, subgraphs, regime interconnection, timeline, export, saved queries and read-only Cypher over the compliance-risk knowledge graph. Every relationship carries its source and a verbatim quote (basis reported) or an official reference (basis curated). Errors are application/problem+json.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
  }) as unknown as Record<string, unknown>;
}

export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Compliance graph API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

export const DOCS_INIT_JS = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui" });`;
