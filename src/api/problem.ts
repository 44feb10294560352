/**
 * The one error middleware: typed AppErrors become application/problem+json with their message; anything else is
 * logged and answered with a generic 500 (never a stack trace). Also the 404 for unknown API paths.
 */
import type { NextFunction, Request, Response } from "express";

import { AppError, SeedValidationError } from "../errors.js";

export function sendProblem(
  res: Response,
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
): void {
  res
    .status(status)
    .type("application/problem+json")
    .send(JSON.stringify({ type: "about:blank", title, status, detail, ...extra }));
}

export function notFoundHandler(req: Request, res: Response): void {
  sendProblem(
    res,
    404,
    "Not found",
    `There is no API route ${req.method} ${req.path}. The list of routes is at /api/docs.`,
  );
}

export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (res.headersSent) return;
  if (err instanceof SeedValidationError) {
    sendProblem(res, err.status, err.title, err.message, { problems: err.problems });
    return;
  }
  if (err instanceof AppError) {
    sendProblem(res, err.status, err.title, err.message, err.details ? { details: err.details } : {});
    return;
  }
  const e = err as { type?: string; status?: number; statusCode?: number; message?: string };
  // body-parser errors (bad JSON, too large) carry a status of their own.
  const status = e.status ?? e.statusCode;
  if (status && status >= 400 && status < 500) {
    const detail =
      e.type === "entity.parse.failed"
        ? "The request body is not valid JSON."
        : e.type === "entity.too.large"
          ? "The request body is too large."
          : (e.message ?? "Bad request");
    sendProblem(res, status, "Bad request", detail);
    return;
  }
  req.log?.error({ err }, "unhandled error");
  sendProblem(
    res,
    500,
    "Internal error",
    "Something went wrong on the server; the error was logged. Please try again.",
  );
}
