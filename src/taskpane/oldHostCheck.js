/*
 * The pane's first script, in ES5 on purpose, loaded from the add-in's own origin (the CSP allows no inline
 * script). The bundles need ES2020/ES2021; retail Office 2016/2019 without WebView2 opens the pane in Internet
 * Explorer 11 or EdgeHTML, where they cannot even be parsed and the pane would stay blank. This script runs first,
 * and on such a browser replaces the pane's frame with what is needed, in Vietnamese (then English). It detects by
 * features (no eval, which the CSP forbids): a browser with String.prototype.replaceAll (ES2021) runs the bundles.
 * Its sentences live here, its only home: this file cannot import the pane's message files.
 */
(function () {
  "use strict";
  var NEEDED =
    "Ngăn kiểm tra cần Excel trong Microsoft 365 hoặc Office 2021 trở lên, chạy với Microsoft Edge WebView2. " +
    "Máy này đang mở phần bổ trợ bằng trình duyệt cũ của Office";
  var ADVICE =
    "Hãy nhờ bộ phận CNTT cài Microsoft Edge WebView2 Runtime và cập nhật Office (hướng dẫn: docs/DEPLOY.md của phần bổ trợ), rồi mở lại ngăn. " +
    "Trong lúc chờ, có thể kiểm tra Phụ lục bằng Excel trên web.";
  var ENGLISH =
    "This pane needs Excel in Microsoft 365 or Office 2021 or later, running Microsoft Edge WebView2; this Office opens add-ins in an old browser. Ask IT to install the WebView2 Runtime and update Office.";

  function modern() {
    return (
      typeof String.prototype.replaceAll === "function" &&
      typeof Object.fromEntries === "function" &&
      typeof Promise !== "undefined" &&
      typeof Promise.allSettled === "function"
    );
  }

  /** Which old browser, for the sentence. */
  function which() {
    if (typeof document.documentMode === "number") return " (Internet Explorer " + document.documentMode + ").";
    if (/\bEdge\/\d+/.test(navigator.userAgent)) return " (Microsoft Edge cũ, EdgeHTML).";
    return ".";
  }

  function paragraph(text, lang) {
    var p = document.createElement("p");
    p.appendChild(document.createTextNode(text));
    if (lang) p.setAttribute("lang", lang);
    return p;
  }

  if (modern()) return;
  window.cchcOldHost = true;
  var box = document.getElementById("container");
  if (!box) return;
  while (box.firstChild) box.removeChild(box.firstChild);
  var notice = document.createElement("div");
  notice.setAttribute("role", "alert");
  notice.setAttribute("data-old-host", "true");
  var title = document.createElement("h1");
  title.appendChild(document.createTextNode("Kiểm tra Phụ lục CCHC"));
  notice.appendChild(title);
  notice.appendChild(paragraph(NEEDED + which()));
  notice.appendChild(paragraph(ADVICE));
  notice.appendChild(paragraph(ENGLISH, "en"));
  box.appendChild(notice);
})();
