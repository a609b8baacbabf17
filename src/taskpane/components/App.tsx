import * as React from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle1,
  makeStaticStyles,
  makeStyles,
  tokens,
  type Theme,
} from "@fluentui/react-components";
import { LocalLanguage20Regular } from "@fluentui/react-icons";
import type { AppendixHost } from "../../app/host";
import type { Lang } from "../../core";
import { LangProvider, useLang } from "../i18n";
import { paneTheme } from "../theme";
import { OutsideExcel, type OpenFile } from "./OutsideExcel";
import { Pane } from "./Pane";

// The pane fills the task pane edge to edge.
const useStaticStyles = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "720px",
    minWidth: "280px",
    boxSizing: "border-box",
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
});

/** Where the pane runs and what it works on (while starting: connecting to Excel, or Excel unreachable). */
export type AppMode =
  | { readonly kind: "connecting" }
  | { readonly kind: "unreachable"; readonly retry?: () => void }
  | { readonly kind: "excel"; readonly host: AppendixHost }
  | { readonly kind: "outside"; readonly openFile?: OpenFile; readonly sampleUrl?: string; readonly autoOpenSample?: boolean };

function Header() {
  const styles = useStyles();
  const { t, lang, setLang } = useLang();
  const other: Lang = lang === "vi" ? "en" : "vi";
  return (
    <header className={styles.header}>
      <Subtitle1 as="h1" className={styles.title}>
        {t.appTitle}
      </Subtitle1>
      <Button
        size="small"
        appearance="subtle"
        icon={<LocalLanguage20Regular />}
        lang={other}
        title={t.switchLanguageHint}
        onClick={() => setLang(other)}
      >
        {t.switchLanguage}
      </Button>
    </header>
  );
}

/** The pane while it starts inside Excel: connecting (office.js on its way), or Excel out of reach. */
function Starting(props: { mode: Extract<AppMode, { kind: "connecting" | "unreachable" }> }) {
  const { t } = useLang();
  const { mode } = props;
  if (mode.kind === "connecting") return <Spinner size="small" labelPosition="after" label={t.connecting} data-testid="connecting" />;
  return (
    <MessageBar intent="warning" data-testid="unreachable">
      <MessageBarBody>{t.officeUnreachable}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => (mode.retry ?? (() => window.location.reload()))()}>
          {t.retry}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** Follows the Office or system theme, also when it changes while the pane is open. */
function useTheme(initial?: Theme): Theme {
  const [theme, setTheme] = React.useState<Theme>(() => initial ?? paneTheme());
  React.useEffect(() => {
    if (initial || typeof window.matchMedia !== "function") return;
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    const update = () => setTheme(paneTheme());
    query.addEventListener?.("change", update);
    return () => query.removeEventListener?.("change", update);
  }, [initial]);
  return theme;
}

/** The whole pane: theme, language, header, and the flows inside or outside Excel. */
export function App(props: { mode: AppMode; lang?: Lang; theme?: Theme }) {
  useStaticStyles();
  const styles = useStyles();
  const theme = useTheme(props.theme);
  const { mode } = props;
  return (
    <FluentProvider theme={theme} className={styles.provider}>
      <LangProvider initial={props.lang}>
        <main className={styles.main}>
          <Header />
          {mode.kind === "connecting" || mode.kind === "unreachable" ? (
            <Starting mode={mode} />
          ) : mode.kind === "excel" ? (
            <Pane host={mode.host} />
          ) : (
            <OutsideExcel openFile={mode.openFile} sampleUrl={mode.sampleUrl} autoOpenSample={mode.autoOpenSample} />
          )}
        </main>
      </LangProvider>
    </FluentProvider>
  );
}
