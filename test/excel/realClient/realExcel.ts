/**
 * The test host: Microsoft's Excel client (client.ts) talking to the in-memory workbook (workbook.ts) through a
 * request executor of ours (richApi.ts). The client builds every request, enforces load/sync and proxy rules and
 * its own API-version checks; this host answers, counts round trips and the real request/response bytes, and
 * behaves as Excel does around them: the 5 MB payload limits of Excel on the web, writes on a host below ExcelApi
 * 1.20 clearing the user's undo stack (office-js#3788), onChanged after value writes only ("ThisLocalAddin"),
 * injected failures at the n-th write of a request. No network: nothing leaves the process.
 */
import { excelClient, type ExcelClient } from "./client";
import { executeRequest, requestKind, type RequestBody, type RequestEffects, type ResponseBody } from "./richApi";
import { ExcelModelError, type ModelChangeEvent, type ModelWorkbook } from "./workbook";
import type { ExcelRun, ExcelRunIn } from "../../../src/excel/batches";

/** One request (`context.sync()` with something queued, or the run's own cleanup): what it carried and its size. */
export interface SyncRecord {
  /** "read": queries only; "write": commands only; "mixed": both */
  readonly kind: "read" | "write" | "mixed" | "empty";
  readonly actions: number;
  /** document writes it applied (setters, mutating methods): what `failWritesWith(code, after)` counts */
  readonly commands: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  /** the run's mergeUndoGroup option (this client version does not send it; the host records what was asked) */
  readonly mergeUndoGroup: boolean;
  /** the error code Excel answered with, if any */
  readonly error?: string;
}

/** The ExcelApi version whose change events carry `triggerSource`. */
const TRIGGER_SOURCE_VERSION = "1.14";

/** ExcelApi versions a host of each kind supports, for `supportedUpTo`. */
const API_VERSIONS = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "1.12", "1.13", "1.14", "1.15", "1.16", "1.17", "1.18", "1.19", "1.20"];

/** Every ExcelApi version up to `top` ("1.9": Excel 2019 retail; "1.20": current Microsoft 365). */
export function supportedUpTo(top: string): string[] {
  return API_VERSIONS.slice(0, API_VERSIONS.indexOf(top) + 1);
}

const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x ?? null), "utf8");

/** Lets the client's promise chains (event handlers, response processing) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/**
 * The counting Excel: `run` and `runIn` as the adapter takes them, every request recorded in `syncs`.
 * `failWritesWith(code, after)` makes the next request carrying writes fail at its write number `after`.
 */
export class RealExcel {
  readonly syncs: SyncRecord[] = [];
  /** Excel on the web's limit on a request or a response, bytes */
  payloadLimit = 5 * 1024 * 1024;
  /** the ExcelApi versions this Excel supports */
  supportedVersions: string[];
  /** every request body sent and the response answered, when `keepBodies` is on (for tests that look at the exchange) */
  readonly bodies: RequestBody[] = [];
  readonly responses: ResponseBody[] = [];
  keepBodies = false;
  private readonly failures: { code: string; after: number; message: string; location?: string }[] = [];
  private readonly beforeWrites: (() => void)[] = [];
  private readonly client: ExcelClient;

  constructor(
    readonly model: ModelWorkbook,
    supported: readonly string[] = supportedUpTo("1.20"),
    /** the client build (dist/ file name): the Windows desktop one unless a test names another */
    clientFile?: string,
  ) {
    this.client = excelClient(clientFile);
    this.supportedVersions = [...supported];
    model.emitChange = (event) => this.emit(event);
  }

  /** Whether this Excel supports an ExcelApi version (what the adapter's `supports` option should say). */
  readonly supports = (version: string): boolean => this.supportedVersions.includes(version);

  private emit(event: ModelChangeEvent): void {
    // triggerSource is ExcelApi 1.14: an older Excel sends the event without it, the user's edits and the add-in's alike.
    const sent: ModelChangeEvent = { ...event };
    if (!this.supports(TRIGGER_SOURCE_VERSION)) delete sent.triggerSource;
    // Excel raises the event after the request that caused it has been answered.
    void Promise.resolve().then(() => {
      this.client.OfficeExtension._testTriggerRichApiMessageEvent({
        entries: [{ messageCategory: 65536, messageType: 10, targetId: "Workbook", message: JSON.stringify(sent) }],
      });
    });
  }

  /** A session (the client's host extension point) whose requests this Excel answers. */
  private session(mergeUndoGroup: boolean): object {
    const execute = (body: RequestBody) => this.execute(body, mergeUndoGroup);
    const w = this.client.window;
    const Base = this.client.OfficeExtension.SessionBase;
    class TestSession extends Base {
      _resolveRequestUrlAndHeaderInfo() {
        return w.Promise.resolve({ url: "https://excel.test/", headers: {} });
      }
      _createRequestExecutorOrNull() {
        return {
          executeAsync: (_customData: unknown, _flags: number, message: { Body: RequestBody }) =>
            w.Promise.resolve(execute(message.Body)),
        };
      }
    }
    return new TestSession();
  }

  /** Answers one request: the response the client gets, with the request recorded. */
  private execute(body: RequestBody, mergeUndoGroup: boolean): { ErrorCode: null; HttpStatusCode: number; Headers: object; Body: ResponseBody } {
    if (this.keepBodies) this.bodies.push(JSON.parse(JSON.stringify(body)) as RequestBody);
    const requestBytes = bytes(body);
    const kind = requestKind(body);
    // Something the user (or another runtime) does between the add-in's read and its write.
    if (kind === "write" || kind === "mixed") this.beforeWrites.shift()?.();
    const effects: RequestEffects = { changedSheets: new Set(), writes: 0, reads: 0, clearsUndo: false };
    let response: ResponseBody = {};
    if (requestBytes > this.payloadLimit) {
      response = { Error: { Code: "RequestPayloadSizeLimitExceeded", Message: `The request payload size has exceeded the limit (${requestBytes} bytes).`, Location: "", ActionIndex: 0, HttpStatusCode: 413 } };
    } else {
      const failure = kind === "write" || kind === "mixed" ? (this.failures.shift() ?? null) : null;
      let writes = 0;
      const gate = (location: string) => {
        if (failure && writes++ >= failure.after) throw new ExcelModelError(failure.code, failure.message, failure.location ?? location);
      };
      response = executeRequest(this.model, body, gate, effects, this.supports);
      const responseBytes = bytes(response);
      if (!response.Error && responseBytes > this.payloadLimit) {
        response = { Error: { Code: "ResponsePayloadSizeLimitExceeded", Message: `The response payload size has exceeded the limit (${responseBytes} bytes).`, Location: "", ActionIndex: 0, HttpStatusCode: 413 } };
      }
    }
    // Below ExcelApi 1.20 any change an add-in makes clears Excel's undo stack; sheet deletion and protection always do.
    if ((effects.writes > 0 && !this.supports("1.20")) || effects.clearsUndo) this.model.undoStack.length = 0;
    if (this.keepBodies) this.responses.push(JSON.parse(JSON.stringify(response)) as ResponseBody);
    for (const s of effects.changedSheets) this.model.fireChanged(s, "", "ThisLocalAddin");
    this.syncs.push({
      kind,
      actions: body.Actions.length,
      commands: effects.writes,
      requestBytes,
      responseBytes: bytes(response),
      mergeUndoGroup,
      ...(response.Error ? { error: response.Error.Code } : {}),
    });
    return { ErrorCode: null, HttpStatusCode: response.Error ? response.Error.HttpStatusCode : 200, Headers: {}, Body: response };
  }

  /** Excel.run of the real client on a context whose requests this Excel answers. */
  readonly run: ExcelRun = (batch, options) => {
    this.client.supported = this.supports;
    const { Excel: X, window: w } = this.client;
    const runOptions = new w.Object() as Record<string, unknown>;
    runOptions.session = this.session(Boolean(options?.mergeUndoGroup));
    return X.run(runOptions as Excel.RunOptions, batch) as Promise<never>;
  };

  /** Excel.run on an existing context (removing an event handler must use the context that added it). */
  readonly runIn: ExcelRunIn = (context, batch) => {
    this.client.supported = this.supports;
    return this.client.Excel.run(context, batch) as Promise<never>;
  };

  /**
   * The next request carrying writes fails at its write number `after` (0: the first), earlier writes applied.
   * Called again, the failures queue up: the second one hits the request carrying writes after that.
   */
  failWritesWith(code: string, after = 0, message = code, location?: string): void {
    this.failures.push({ code, after, message, location });
  }

  /** Runs `change` on the workbook just before the next request carrying writes is answered (the user acting meanwhile). */
  beforeNextWrite(change: () => void): void {
    this.beforeWrites.push(change);
  }

  /** Forgets the recorded requests (between the arrange and the act of a test). */
  reset(): void {
    this.syncs.length = 0;
    this.bodies.length = 0;
    this.responses.length = 0;
  }

  /** Requests by kind since the last reset, and the largest of each way. */
  counts(): { reads: number; writes: number; mixed: number; total: number; maxRequestBytes: number; maxResponseBytes: number } {
    const n = (k: SyncRecord["kind"]) => this.syncs.filter((s) => s.kind === k).length;
    return {
      reads: n("read"),
      writes: n("write"),
      mixed: n("mixed"),
      total: this.syncs.length,
      maxRequestBytes: Math.max(0, ...this.syncs.map((s) => s.requestBytes)),
      maxResponseBytes: Math.max(0, ...this.syncs.map((s) => s.responseBytes)),
    };
  }
}
