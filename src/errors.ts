/**
 * Typed errors. Each carries an HTTP status and a message a lawyer can act on; one middleware turns them into
 * application/problem+json, and the CLIs print them without a stack trace.
 */
export class AppError extends Error {
  readonly status: number = 500;
  readonly title: string = "Internal error";
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class BadRequestError extends AppError {
  override readonly status = 400;
  override readonly title = "Bad request";
}
export class UnauthorizedError extends AppError {
  override readonly status = 401;
  override readonly title = "Unauthorized";
}
export class NotFoundError extends AppError {
  override readonly status = 404;
  override readonly title = "Not found";
}
export class ForbiddenQueryError extends AppError {
  override readonly status = 403;
  override readonly title = "Query refused";
}
/**
 * The database stopped a query at its transaction time or memory limit. 504, not 408 (the client was not slow) nor
 * 500 (nothing is broken): the server answered, and the message says what to narrow.
 */
export class QueryTimeoutError extends AppError {
  override readonly status = 504;
  override readonly title = "Query stopped";
}
/** A route answered with a body its response schema refuses: a bug on the server, caught before a client sees it. */
export class ResponseContractError extends AppError {
  override readonly status = 500;
  override readonly title = "Response contract broken";
}
export class TooManyRequestsError extends AppError {
  override readonly status = 429;
  override readonly title = "Too many queries";
}
export class ConflictError extends AppError {
  override readonly status = 409;
  override readonly title = "Conflict";
}
export class DatabaseUnavailableError extends AppError {
  override readonly status = 503;
  override readonly title = "Database unavailable";
}

/** One problem in a seed file: the file, the path inside it, and the reason. */
export interface SeedProblem {
  file: string;
  path: string;
  message: string;
}

export class SeedValidationError extends AppError {
  override readonly status = 422;
  override readonly title = "Invalid seed data";
  constructor(readonly problems: SeedProblem[]) {
    super(
      `${problems.length} problem(s) in the seed files; nothing was written:\n${problems.map(formatProblem).join("\n")}`,
    );
  }
}

export function formatProblem(p: SeedProblem): string {
  return `${p.file}: ${p.path || "(file)"}: ${p.message}`;
}
