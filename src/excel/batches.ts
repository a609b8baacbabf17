/**
 * The host's batches (Excel.run): a read, a write (one undo step where ExcelApi 1.20 allows, the change handler
 * told it is ours) and a repair after a failed write. Each is one round trip or more, as its body syncs.
 */
import { WriteGuard } from "./changeWatcher";
import { toExcelHostError } from "./errors";
import { MERGE_UNDO_API } from "./requirements";

/** Excel.run as the host uses it: a batch, optionally merged into one undo step. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: { mergeUndoGroup?: boolean }) => Promise<T>;
/** Excel.run on an existing context (removing an event handler must use the context that added it). */
export type ExcelRunIn = <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run itself. */
export const officeRun: ExcelRun = (batch, options) =>
  options?.mergeUndoGroup ? Excel.run({ mergeUndoGroup: true }, batch) : Excel.run(batch);
/** Excel.run on an existing context itself. */
export const officeRunIn: ExcelRunIn = (context, batch) => Excel.run(context, batch);

/** Queues more loads into a read batch; the returned function takes them after the sync. */
export type Extra = (context: Excel.RequestContext) => () => void;

/** Runs the host's batches, every failure typed as an ExcelHostError (errors.ts). */
export class Batches {
  constructor(
    private readonly run: ExcelRun,
    private readonly supports: (version: string) => boolean,
    /** tells the change handler which changes are the add-in's own */
    readonly guard: WriteGuard,
  ) {}

  /** One batch that changes no cell (a read, a selection), errors typed. */
  async read<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(batch);
    } catch (e) {
      throw toExcelHostError(e);
    }
  }

  /** One write batch: one undo step where ExcelApi 1.20 allows, the change handler told it is ours, errors typed. */
  async write<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const mergeUndoGroup = this.supports(MERGE_UNDO_API);
    try {
      return await this.guard.around(() => this.run(batch, mergeUndoGroup ? { mergeUndoGroup } : undefined));
    } catch (e) {
      throw toExcelHostError(e);
    }
  }

  /**
   * A batch that repairs after a failed write (cells put back, marks settled, a half-made sheet removed): the change
   * handler told it is ours, not merged into an undo step, and its error left raw for the caller to weigh.
   */
  repair<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.guard.around(() => this.run(batch));
  }
}
