/** Pane figures: placeholder until the pane's production build lands. */
import type { Figure } from "./figure";

export async function paneFigures(): Promise<Figure[]> {
  throw new Error("not written yet");
}
