/** The pane's language, shared by every component through context. */
import * as React from "react";
import type { Lang } from "../core";
import { messagesFor, type Messages } from "./messages";

interface LangState {
  readonly lang: Lang;
  readonly t: Messages;
  readonly setLang: (lang: Lang) => void;
}

const LangContext = React.createContext<LangState>({ lang: "vi", t: messagesFor("vi"), setLang: () => undefined });

/** Provides the language (Vietnamese unless told otherwise) to the components below. */
export function LangProvider(props: { initial?: Lang; onChange?: (lang: Lang) => void; children: React.ReactNode }) {
  const [lang, setLangState] = React.useState<Lang>(props.initial ?? "vi");
  const { onChange } = props;
  const setLang = React.useCallback(
    (next: Lang) => {
      setLangState(next);
      onChange?.(next);
    },
    [onChange],
  );
  const value = React.useMemo(() => ({ lang, t: messagesFor(lang), setLang }), [lang, setLang]);
  React.useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <LangContext.Provider value={value}>{props.children}</LangContext.Provider>;
}

/** The current language, its strings and the switch. */
export function useLang(): LangState {
  return React.useContext(LangContext);
}
