/**
 * One place that declares a route: express path, zod request schema ({ params, query, body }), zod response schema
 * (src/model/wire.ts) and handler. The same declaration registers the path in the OpenAPI registry, so the document
 * cannot drift from what is validated; the handler receives only the parsed, validated input and must return the
 * response type. With response checking on (tests: AppOptions.checkResponses), every JSON answer is checked against
 * its schema and a mismatch fails the request loudly instead of reaching a client.
 */
import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import type { NextFunction, Request, Response, Router } from "express";
import { z } from "zod";

import { BadRequestError, QueryTimeoutError, ResponseContractError } from "../errors.js";
import { NoJsonBody, Problem } from "../model/wire.js";
import { formatZodPath } from "../seed/read.js";

/** The express setting (app.set) that turns response checking on; createApp sets it from AppOptions.checkResponses. */
export const CHECK_RESPONSES_SETTING = "checkResponses";

export interface RequestSchema {
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
}

type Input<S extends RequestSchema> = {
  params: S["params"] extends z.ZodType ? z.infer<S["params"]> : Record<string, never>;
  query: S["query"] extends z.ZodType ? z.infer<S["query"]> : Record<string, never>;
  body: S["body"] extends z.ZodType ? z.infer<S["body"]> : undefined;
};

export interface RouteContext {
  req: Request;
  res: Response;
}

export interface RouteDef<S extends RequestSchema, R extends z.ZodType> {
  method: "get" | "post";
  /** Express path, e.g. `/entities/:id`; OpenAPI gets `{id}`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  request: S;
  /** The 200 JSON body's schema (src/model/wire.ts). */
  response: R;
  /** Returns the JSON body; or sends the response itself through ctx.res and returns undefined. */
  handler: (input: Input<S>, ctx: RouteContext) => Promise<z.infer<R> | undefined>;
  responses?: Record<number, string>;
  /** What to tell the user when the database stops the route's query at its time or memory limit (504). */
  onTimeout?: string;
  /** Content types other than JSON that the route answers with. */
  produces?: string[];
}

/** Comma-separated list in a query string (`types=Law,Case`) as an array of validated items. */
export function csvList<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).max(50),
  );
}

function describeIssues(where: string, error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const p = formatZodPath(i.path);
      if (i.code === "unrecognized_keys") return `unknown ${where} parameter(s): ${i.keys.join(", ")}`;
      return `${where}${p ? ` '${p}'` : ""}: ${i.message}`;
    })
    .join("; ");
}

/** The body as the client receives it (JSON round trip: undefined dropped, dates as strings) checked against the schema. */
function checkResponse(def: { method: string; path: string; response: z.ZodType }, body: unknown): void {
  const parsed = def.response.safeParse(JSON.parse(JSON.stringify(body)));
  if (parsed.success) return;
  const issues = parsed.error.issues.map((i) => `${formatZodPath(i.path) || "(body)"}: ${i.message}`).slice(0, 10);
  const message = `${def.method.toUpperCase()} /api${def.path} answered with a body its response schema refuses: ${issues.join("; ")}`;
  console.error(message);
  throw new ResponseContractError(message);
}

export function defineRoute<S extends RequestSchema, R extends z.ZodType>(
  router: Router,
  registry: OpenAPIRegistry,
  def: RouteDef<S, R>,
): void {
  const openapiPath = `/api${def.path.replace(/:(\w+)/g, "{$1}")}`;
  registry.registerPath({
    method: def.method,
    path: openapiPath,
    summary: def.summary,
    description: def.description,
    tags: [def.tag],
    request: {
      params: def.request.params,
      query: def.request.query,
      body: def.request.body ? { content: { "application/json": { schema: def.request.body } } } : undefined,
    },
    responses: {
      200: {
        description: "OK",
        content: Object.fromEntries([
          ...((def.response as z.ZodType) === NoJsonBody ? [] : [["application/json", { schema: def.response }]]),
          ...(def.produces ?? []).map((t) => [
            t,
            { schema: t.startsWith("text/") ? z.string() : z.string().meta({ format: "binary" }) },
          ]),
        ]),
      },
      ...Object.fromEntries(
        Object.entries({
          400: "Invalid request",
          503: "Database unavailable",
          504: "The database stopped the query at its time or memory limit; the message says what to narrow",
          ...(def.responses ?? {}),
        }).map(([code, description]) => [
          code,
          { description, content: { "application/problem+json": { schema: Problem } } },
        ]),
      ),
    },
  });

  router[def.method](def.path, async (req: Request, res: Response, next: NextFunction) => {
    try {
      const input: Record<string, unknown> = { params: {}, query: {}, body: undefined };
      for (const part of ["params", "query", "body"] as const) {
        const schema = def.request[part];
        if (!schema) {
          if (part === "query" && Object.keys(req.query ?? {}).length > 0) {
            throw new BadRequestError(`unknown query parameter(s): ${Object.keys(req.query).join(", ")}`);
          }
          continue;
        }
        const parsed = schema.safeParse(part === "body" ? (req.body ?? {}) : req[part]);
        if (!parsed.success) throw new BadRequestError(describeIssues(part === "params" ? "path" : part, parsed.error));
        input[part] = parsed.data;
      }
      const body = await def.handler(input as Input<S>, { req, res });
      if (body !== undefined && !res.headersSent) {
        if (req.app.get(CHECK_RESPONSES_SETTING)) checkResponse(def, body);
        res.json(body);
      }
    } catch (err) {
      next(err instanceof QueryTimeoutError && def.onTimeout ? new QueryTimeoutError(def.onTimeout) : err);
    }
  });
}
