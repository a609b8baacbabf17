/** Saving bytes the pane made (the filled copy, TONG_HOP.xlsx) through a Blob URL and a link: nothing leaves the machine. */

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Starts the browser's download of `bytes` as `fileName`; returns the Blob URL, to revoke once no longer linked. */
export function downloadXlsx(bytes: Uint8Array, fileName: string): string {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  return url;
}
