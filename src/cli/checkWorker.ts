/**
 * A worker thread of a `check` batch (checkBatch.ts): reads the same forms as the main thread, then checks each file
 * it is handed and answers with the file's outcome (checkOutcome, plain data). An unexpected error is answered too,
 * so the command reports it as the main thread would.
 */
import { parentPort, workerData } from "worker_threads";
import { checkOutcome, type CheckWorkerSettings } from "./check";
import { chooseForms } from "./formOptions";
import { cliMessages } from "./messages";

const settings = (workerData as { settings: CheckWorkerSettings }).settings;
const m = cliMessages(settings.lang);
const { form, forms, env } = settings.formSource;
// The main thread has read these forms already and said what was wrong with any: here they are only read again.
const ready = chooseForms({ form, forms }, env, settings.lang, m);

parentPort!.on("message", (job: { index: number; file: string }) => {
  ready
    .then((choice) => checkOutcome(job.file, settings, choice, m))
    .then(
      (outcome) => parentPort!.postMessage({ index: job.index, outcome }),
      (e: unknown) => parentPort!.postMessage({ index: job.index, error: e instanceof Error ? e.message : String(e) }),
    );
});
