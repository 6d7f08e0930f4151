// The widget's CSS, inside its shadow root: the host page's styles cannot reach it, and it cannot reach the page.
export const styles = `
:host { all: initial; --ab-colour: #3f51b5; }
/* Inherited properties (colour, font) still flow in from the host page: set them on the widget's own roots. */
.panel, .bubble { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 15px; line-height: 1.45; color: #1f2328;
  text-align: left; letter-spacing: normal; text-transform: none; font-style: normal; font-weight: 400; }
* { box-sizing: border-box; }
.bubble { position: fixed; right: 20px; bottom: 20px; width: 56px; height: 56px; border-radius: 50%; border: none; cursor: pointer;
  background: var(--ab-colour); color: #fff; box-shadow: 0 4px 14px rgba(0,0,0,.25); display: flex; align-items: center; justify-content: center; z-index: 2147483000; }
.bubble:focus-visible, button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.bubble svg { width: 28px; height: 28px; fill: currentColor; }
.panel { position: fixed; right: 20px; bottom: 88px; width: 370px; height: min(600px, calc(100vh - 110px)); background: #fff; border-radius: 12px;
  box-shadow: 0 8px 30px rgba(0,0,0,.3); display: flex; flex-direction: column; overflow: hidden; z-index: 2147483001; }
.panel[hidden] { display: none; }
header { background: var(--ab-colour); color: #fff; padding: 12px 14px; display: flex; align-items: center; gap: 8px; }
header h2 { font-size: 16px; margin: 0; flex: 1; font-weight: 600; }
header button { background: transparent; border: none; color: #fff; font-size: 22px; line-height: 1; cursor: pointer; padding: 2px 6px; border-radius: 4px; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 10px; background: #f6f8fa; }
.msg { max-width: 85%; padding: 8px 12px; border-radius: 12px; word-wrap: break-word; overflow-wrap: anywhere; }
.msg.user { align-self: flex-end; background: var(--ab-colour); color: #fff; white-space: pre-wrap; border-bottom-right-radius: 4px; }
.msg.assistant { align-self: flex-start; background: #fff; border: 1px solid #d0d7de; border-bottom-left-radius: 4px; }
.msg.assistant p { margin: 0 0 .5em; } .msg.assistant p:last-child { margin-bottom: 0; }
.msg.assistant pre { background: #f0f2f4; padding: 8px; border-radius: 6px; overflow-x: auto; font-size: 13px; }
.msg.assistant code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; }
.msg.assistant ul, .msg.assistant ol { margin: 0 0 .5em; padding-left: 1.3em; }
.msg.assistant a { color: #0969da; }
.note { font-size: 12px; color: #57606a; font-style: italic; }
.rate { display: flex; gap: 4px; margin-top: 6px; align-items: center; flex-wrap: wrap; }
.rate button { background: transparent; border: 1px solid #d0d7de; border-radius: 6px; cursor: pointer; padding: 3px 8px; color: #57606a; display: inline-flex; }
.rate button svg { width: 16px; height: 16px; fill: currentColor; }
.rate form button { font: inherit; font-size: 13px; color: #1f2328; }
.rate button[aria-pressed="true"] { background: #ddf4ff; border-color: #54aeff; }
.rate form { display: flex; gap: 4px; width: 100%; margin-top: 4px; }
.rate input { flex: 1; min-width: 0; border: 1px solid #d0d7de; border-radius: 6px; padding: 4px 6px; font: inherit; font-size: 13px; }
.error { color: #cf222e; font-size: 13px; padding: 6px 12px; background: #ffebe9; }
.error:empty, .status:empty { display: none; }
.status { font-size: 12px; color: #57606a; padding: 4px 12px; }
form.compose { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #d0d7de; background: #fff; }
form.compose textarea { flex: 1; resize: none; border: 1px solid #d0d7de; border-radius: 8px; padding: 8px; font: inherit; min-height: 40px; max-height: 120px; }
form.compose button { background: var(--ab-colour); color: #fff; border: none; border-radius: 8px; padding: 0 14px; cursor: pointer; font: inherit; font-weight: 600; }
form.compose button:disabled { opacity: .5; cursor: default; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0,0,0,0); white-space: nowrap; border: 0; }
@media (max-width: 480px) {
  .panel { right: 0; bottom: 0; left: 0; top: 0; width: 100%; height: 100%; border-radius: 0; }
  .bubble { right: 14px; bottom: 14px; }
}
@media (prefers-reduced-motion: no-preference) { .bubble { transition: transform .15s; } .bubble:hover { transform: scale(1.06); } }
`;
