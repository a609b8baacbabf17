import * as React from "react";
import { Button, Link, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, DocumentArrowUp20Regular } from "@fluentui/react-icons";
import { cellA1, type CellRef } from "../../core";
import type { CopyKind, FileHost } from "../../xlsx";
import { downloadXlsx } from "../download";
import { errorCode, HostError, type HostErrorCode } from "../../app/hostErrors";
import { useLang } from "../i18n";
import { AppendixPreview } from "./AppendixPreview";
import { ErrorBar, logUnexpected } from "./ErrorBar";
import { Pane, type PaneExtra } from "./Pane";
import { visuallyHidden } from "./visuallyHidden";


/**
 * The consolidation view, loaded when the user first consolidates: a chunk of its own, so the pane's first JavaScript
 * (inside Excel too, where it is never shown) does not carry it.
 */
const Consolidate = React.lazy(() => import(/* webpackChunkName: "consolidate" */ "./Consolidate").then((m) => ({ default: m.Consolidate })));
const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  drop: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  // Once a file is open, the opening area is one line: the file and a way to open another.
  compact: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  dragging: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hidden: visuallyHidden,
  // A file name is no word: it may break anywhere rather than widen the pane.
  file: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground2, flexGrow: 1, minWidth: 0 },
});

/** Opens an .xlsx as a FileHost; loads ExcelJS (through fileHost) only when first called. */
export type OpenFile = (bytes: ArrayBuffer, fileName: string) => Promise<FileHost>;

const openWithExcelJs: OpenFile = async (bytes, fileName) => {
  const { FileHost } = await import(/* webpackChunkName: "xlsx" */ "../../xlsx");
  return FileHost.open(bytes, fileName);
};

/** The sample workbook shipped with the pane (copied next to taskpane.html by the build). */
export const SAMPLE_URL = "samples/phu-luc-mau-2023.xlsx";

/**
 * A name the pane lets through to the reader: .xlsx, and the .xls and .ods files the reader recognises by their
 * content, so that the user hears "save it as .xlsx" rather than "not an .xlsx file".
 */
function isWorkbookName(name: string): boolean {
  return /\.(xlsx|xls|ods)$/i.test(name);
}

/**
 * The pane in a plain browser: open or drop an .xlsx (or the sample), check it, fill it, download the copy; or open
 * or drop several .xlsx files and consolidate them into TONG_HOP.xlsx.
 */
export function OutsideExcel(props: { openFile?: OpenFile; sampleUrl?: string; autoOpenSample?: boolean }) {
  const styles = useStyles();
  const { t } = useLang();
  const openFile = props.openFile ?? openWithExcelJs;
  const sampleUrl = props.sampleUrl ?? SAMPLE_URL;
  const [host, setHost] = React.useState<FileHost | null>(null);
  const [generation, setGeneration] = React.useState(0);
  const [error, setError] = React.useState<{ error: unknown; text?: string } | null>(null);
  const [loading, setLoading] = React.useState(false);
  const [dragging, setDragging] = React.useState(false);
  const [selected, setSelected] = React.useState<CellRef | null>(null);
  const [download, setDownload] = React.useState<{ url: string; name: string; kind: CopyKind } | null>(null);
  const downloadRef = React.useRef<HTMLButtonElement>(null);
  // Several files chosen at once: they are consolidated instead of opened (a new batch remounts the panel).
  const [batch, setBatch] = React.useState<{ files: readonly File[]; id: number } | null>(null);
  const inputRef = React.useRef<HTMLInputElement>(null);
  const rootRef = React.useRef<HTMLDivElement>(null);
  // The pane focuses its result once a file the user asked for is open (not on a page opened with ?sample).
  const [openedByUser, setOpenedByUser] = React.useState(false);

  /**
   * The user's last choice of what to open (a file, the sample, several files to consolidate): a file still opening
   * when another is chosen (a large one, dropped first) is dropped when it is ready, never shown over the later one.
   */
  const choiceSeq = React.useRef(0);
  const open = React.useCallback(
    async (read: () => Promise<{ bytes: ArrayBuffer; name: string }>, readFailure: HostErrorCode) => {
      const mine = ++choiceSeq.current;
      const current = () => choiceSeq.current === mine;
      setLoading(true);
      setError(null);
      try {
        let file: { bytes: ArrayBuffer; name: string };
        try {
          file = await read();
        } catch (e) {
          // The bytes never arrived (sample not served, file unreadable): the user gets the sentence for that.
          console.warn("CCHC pane: the file's bytes could not be read", e);
          if (current()) setError({ error: new HostError(readFailure) });
          return;
        }
        const next = await openFile(file.bytes, file.name);
        if (!current()) return;
        setHost(next);
        setBatch(null);
        setSelected(null);
        setDownload(null);
        setGeneration((g) => g + 1);
      } catch (e) {
        // Opening fails on the file's content, so anything unexpected still reads as "could not read the file";
        // the original goes to the console first, since it may as well be a bug of ours.
        logUnexpected("opening the file failed", e);
        if (current()) setError({ error: errorCode(e) === "generic" ? new HostError("read_failed") : e });
      } finally {
        if (current()) setLoading(false);
      }
    },
    [openFile],
  );

  const openUserFile = (file: File | undefined) => {
    if (!file) return;
    setBatch(null);
    if (!isWorkbookName(file.name)) {
      setError({ error: new HostError("not_xlsx"), text: t.notXlsx(file.name) });
      return;
    }
    setOpenedByUser(true);
    void open(async () => ({ bytes: await file.arrayBuffer(), name: file.name }), "read_failed");
  };

  /** One file is opened to check and fill it; several are offered for consolidation. */
  const openUserFiles = (list: FileList | null | undefined) => {
    const files = Array.from(list ?? []);
    if (files.length <= 1) {
      openUserFile(files[0]);
      return;
    }
    // Chosen after any file still opening: that one is not shown when it is ready.
    choiceSeq.current++;
    setLoading(false);
    setError(null);
    setHost(null);
    setDownload(null);
    setBatch((b) => ({ files, id: (b?.id ?? 0) + 1 }));
  };

  const openSample = React.useCallback(
    () =>
      open(async () => {
        const res = await fetch(sampleUrl);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return { bytes: await res.arrayBuffer(), name: sampleUrl.split("/").pop() ?? "sample.xlsx" };
      }, "sample_missing"),
    [open, sampleUrl],
  );

  // Once per page, even when React runs effects twice (StrictMode in development builds).
  const autoOpened = React.useRef(false);
  React.useEffect(() => {
    if (!props.autoOpenSample || autoOpened.current) return;
    autoOpened.current = true;
    void openSample();
  }, [props.autoOpenSample, openSample]);

  React.useEffect(() => (host ? host.onSelect(setSelected) : undefined), [host]);
  React.useEffect(() => () => (download ? URL.revokeObjectURL(download.url) : undefined), [download]);

  /** The sentence saying which copy was made. */
  const madeText = (made: { name: string; kind: CopyKind }) =>
    made.kind === "unchanged" ? t.downloadReadyUnchanged(made.name) : made.kind === "template" ? t.downloadReadyTemplate(made.name) : t.downloadReady(made.name);

  /** Writes the copy and starts its download; returns the sentence saying which copy was made. */
  const writeCopy = async (from: FileHost): Promise<string> => {
    try {
      const { fileName, bytes, kind } = await from.download();
      setDownload({ url: downloadXlsx(bytes, fileName), name: fileName, kind });
      return madeText({ name: fileName, kind });
    } catch (e) {
      // An earlier copy no longer holds what the pane shows: no link is left to it.
      setDownload(null);
      throw e;
    }
  };

  const saveCopy = async () => {
    if (!host) return;
    setError(null);
    try {
      await writeCopy(host);
    } catch (e) {
      logUnexpected("writing the copy failed", e);
      setError({ error: e });
    }
  };

  const opened = host !== null || batch !== null;
  const extra: PaneExtra = {
    actions: ({ busy, fillFirst, fillFirstOpen }) => {
      if (!host) return null;
      // The button says what it gives: the filled copy (filled first, after the same preview as the fill button,
      // when cells are left to fill), the file unchanged when nothing was or can be filled, or the inserted template.
      const kind = host.copyKind();
      const label = kind === "template" ? t.downloadTemplate : fillFirst || kind === "filled" ? t.download : t.downloadUnchanged;
      return (
        <Button
          ref={downloadRef}
          icon={<ArrowDownload20Regular />}
          disabled={busy || fillFirstOpen}
          aria-expanded={fillFirst ? fillFirstOpen : undefined}
          data-testid="download"
          data-copy={fillFirst && kind !== "template" ? "filled" : kind}
          onClick={() =>
            fillFirst
              ? fillFirst({ then: () => writeCopy(host), focusBack: () => downloadRef.current?.focus() })
              : void saveCopy()
          }
        >
          {label}
        </Button>
      );
    },
    after: ({ state, active }) => {
      const preview = host?.preview();
      return (
        <>
          {download && (
            <Text size={200} className={styles.file}>
              <Link href={download.url} download={download.name} data-breakable="">
                {madeText(download)}
              </Link>
            </Text>
          )}
          {preview && preview.sheet === state.sheet && (
            <AppendixPreview
              sheet={preview.sheet}
              rows={preview.rows}
              findings={active}
              selectedCell={selected}
              onBack={(cell) => {
                // Back to the card whose "Đến ô" marked the row.
                const card = rootRef.current?.querySelector<HTMLElement>(`[data-card][data-cell="${CSS.escape(cellA1(cell))}"]`);
                card?.focus();
              }}
            />
          )}
        </>
      );
    },
  };

  return (
    <div
      ref={rootRef}
      className={styles.root}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        openUserFiles(e.dataTransfer.files);
      }}
    >
      <div
        className={mergeClasses(opened ? styles.compact : styles.drop, dragging && styles.dragging)}
        role="group"
        aria-label={t.dropZoneLabel}
        data-testid="open-area"
        data-compact={opened ? "true" : undefined}
      >
        {!opened && <Text>{t.outsideIntro}</Text>}
        {opened && host && (
          <Text size={200} className={styles.file} data-testid="file-name" data-breakable="">
            {t.openedFile(host.fileName)}
          </Text>
        )}
        <div className={styles.buttons}>
          <Button
            appearance={opened ? "secondary" : "primary"}
            size={opened ? "small" : "medium"}
            icon={<DocumentArrowUp20Regular />}
            disabled={loading}
            onClick={() => inputRef.current?.click()}
          >
            {opened ? t.openOtherFile : t.openFile}
          </Button>
          <Button
            size={opened ? "small" : "medium"}
            appearance={opened ? "subtle" : "secondary"}
            disabled={loading}
            onClick={() => {
              setOpenedByUser(true);
              void openSample();
            }}
          >
            {t.openSample}
          </Button>
        </div>
        {!opened && <Text size={200}>{t.dropHint}</Text>}
        <input
          ref={inputRef}
          className={styles.hidden}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t.openFileLabel}
          data-testid="file-input"
          tabIndex={-1}
          onChange={(e) => {
            openUserFiles(e.target.files);
            e.target.value = "";
          }}
        />
      </div>
      {error && <ErrorBar error={error.error} text={error.text} onDismiss={() => setError(null)} />}
      {batch && (
        <React.Suspense fallback={null}>
          <Consolidate key={batch.id} files={batch.files} />
        </React.Suspense>
      )}
      {host && <Pane key={generation} host={host} extra={extra} focusResultOnLoad={openedByUser} />}
    </div>
  );
}
