/**
 * Re-check on change: one `worksheets.onChanged` handler (ExcelApi 1.9, fires for typing, paste, fill, clear
 * and undo/redo), debounced, that ignores the pane's own writes: a write guard covers each write and a short grace
 * period after it (events arrive after the sync that caused them). Where ExcelApi 1.14 gives `triggerSource`, an
 * event not from this add-in ("Unknown": the user, undo, another add-in) always counts, even inside the guard; a
 * "ThisLocalAddin" event outside the guard is the ribbon's command (this add-in's other runtime) and counts too.
 */

/** Wait after the last change before re-checking: a paste or a fill fires several events. */
export const DEBOUNCE_MS = 600;
/** How long after the add-in's own write its change events are still expected (no triggerSource). */
export const WRITE_GRACE_MS = 1500;

/** Marks the add-in's own writes so that the change handler can skip their events. */
export class WriteGuard {
  private depth = 0;
  private quietUntil = 0;
  constructor(private readonly now: () => number = Date.now) {}

  /** Runs `write` with the guard up; the grace period starts when it ends, failed or not. */
  async around<T>(write: () => Promise<T>): Promise<T> {
    this.depth++;
    try {
      return await write();
    } finally {
      this.depth--;
      this.quietUntil = this.now() + WRITE_GRACE_MS;
    }
  }

  /** Whether a change event now is likely the add-in's own. */
  active(): boolean {
    return this.depth > 0 || this.now() < this.quietUntil;
  }
}

/** What the handler needs to decide on an event. */
export interface ChangeFilter {
  /** ExcelApi 1.14: events carry triggerSource. */
  readonly triggerSourceSupported: boolean;
  readonly guard: WriteGuard;
  /** The id of the appendix's sheet when known: changes elsewhere are ignored. */
  readonly sheetId: () => string | null;
  readonly debounceMs?: number;
}

/** The part of WorksheetChangedEventArgs the handler reads. */
export type ChangeEvent = Pick<Excel.WorksheetChangedEventArgs, "worksheetId"> & { readonly triggerSource?: string };

/** Whether an event is the user's change to the watched sheet. */
export function isUserChange(event: ChangeEvent, filter: ChangeFilter): boolean {
  if (filter.triggerSourceSupported && event.triggerSource !== undefined) {
    // "ThisLocalAddin" is this add-in in any of its runtimes: the pane's own write (its guard is up) or the
    // ribbon's command (another runtime), whose change the pane must see like the user's.
    if (event.triggerSource === "ThisLocalAddin" && filter.guard.active()) return false;
  } else if (filter.guard.active()) {
    return false;
  }
  const watched = filter.sheetId();
  return watched === null || event.worksheetId === watched;
}

/** A debounced handler: `listener` runs once after the user's changes settle. */
export function changeHandler(listener: () => void, filter: ChangeFilter): { handle: (event: ChangeEvent) => Promise<void>; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    handle: async (event) => {
      if (!isUserChange(event, filter)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        listener();
      }, filter.debounceMs ?? DEBOUNCE_MS);
    },
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
