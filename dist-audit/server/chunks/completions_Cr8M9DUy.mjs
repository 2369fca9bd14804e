import { t as __exportAll } from "./rolldown-runtime_BJohB4LM.mjs";
import { r as handle } from "./http_0lpnW3L4.mjs";
import { t as exportResponse } from "./_export_BrC3Wywu.mjs";
// src/pages/api/hr/completions.csv.ts
var completions_csv_exports = /* @__PURE__ */ __exportAll({ GET: () => GET });
var GET = handle((ctx) => exportResponse(ctx.url, "csv"));
// \0virtual:astro:page:src/pages/api/hr/completions.csv@_@ts
var page = () => completions_csv_exports;
export { page };
