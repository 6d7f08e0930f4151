// Bundles src/widget.js with its npm dependencies into the repository's top-level wwwroot/widget.js (minified, no
// source map). Run by the web project's build (npm run build); `node build.mjs --watch` rebuilds on change.
import * as esbuild from "esbuild";
import { fileURLToPath } from "node:url";

const outfile = fileURLToPath(new URL("../../wwwroot/widget.js", import.meta.url));
const options = {
  entryPoints: [fileURLToPath(new URL("src/widget.js", import.meta.url))],
  bundle: true,
  minify: true,
  format: "iife",
  platform: "browser",
  target: ["es2019"],
  outfile,
  legalComments: "none",
  define: { "process.env.NODE_ENV": '"production"' },
  drop: ["debugger"],
  banner: { js: "/* AssistantBuilder chat widget. Third-party licences: @microsoft/signalr (MIT), marked (MIT), DOMPurify (Apache-2.0 or MPL-2.0). */" },
  logLevel: "warning",
};

if (process.argv.includes("--watch")) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  await esbuild.build(options);
}
