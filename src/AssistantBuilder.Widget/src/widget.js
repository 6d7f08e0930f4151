// The embeddable chat widget. A page adds
//   <script src="https://HOST/widget.js" data-assistant="ID" data-key="PUBLIC_KEY" async></script>
// and gets a chat bubble and panel (in a shadow root) that stream the assistant's answers over the app's SignalR hub
// at https://HOST/hubs/widget. Model text is rendered as Markdown, sanitised by DOMPurify; visitor text only as text.
import * as signalR from "@microsoft/signalr";
import { marked } from "marked";
import DOMPurify from "dompurify";
import { styles } from "./styles.js";

/** Model text as safe HTML: Markdown without raw HTML, scripts, styles, forms or images; links open in a new tab. */
function renderMarkdown(text) {
  const html = marked.parse(text, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ["style", "img", "svg", "math", "form", "input", "button", "textarea", "select", "iframe", "video", "audio"],
    FORBID_ATTR: ["style", "class", "id"],
  });
}

DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A") {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer nofollow");
  }
});

/** The server's HubException text without SignalR's "An unexpected error occurred invoking ..." prefix. */
function serverMessage(error) {
  const text = (error && error.message) || String(error);
  const at = text.indexOf("HubException: ");
  return at >= 0 ? text.slice(at + "HubException: ".length) : "The chat is unavailable right now. Please try again later.";
}

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

const thumbUp = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z"/></svg>';
const thumbDown = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z"/></svg>';
const chatIcon = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';

class ChatWidget {
  constructor(script) {
    this.key = script.dataset.key || "";
    this.assistant = script.dataset.assistant || "";
    const hub = new URL("/hubs/widget", script.src);
    hub.searchParams.set("key", this.key);
    if (this.assistant) hub.searchParams.set("assistant", this.assistant);
    this.hubUrl = hub.toString();
    this.storageKey = `assistantbuilder-widget:${hub.origin}:${this.assistant}:${this.key}`;
    this.conversationId = null;
    this.messageCount = 0; // stored messages: the next user message gets this index, its answer the one after
    this.stream = null;
    this.started = null;
  }

  mount() {
    const host = element("div", { "data-assistantbuilder-widget": "" });
    document.body.appendChild(host);
    const root = host.attachShadow({ mode: "open" });
    root.appendChild(element("style", {}, styles));

    this.bubble = element("button", { class: "bubble", type: "button", "aria-label": "Open chat", "aria-expanded": "false", "aria-controls": "ab-panel" });
    this.bubble.innerHTML = chatIcon;
    this.panel = element("section", { class: "panel", id: "ab-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "ab-title", hidden: "" });
    const header = element("header");
    this.title = element("h2", { id: "ab-title" }, "Chat");
    const close = element("button", { type: "button", "aria-label": "Close chat" }, "×");
    header.append(this.title, close);
    this.log = element("div", { class: "log", role: "log", "aria-live": "polite", "aria-relevant": "additions", "aria-label": "Conversation" });
    this.status = element("div", { class: "status", role: "status" });
    this.error = element("div", { class: "error", role: "alert" });
    this.form = element("form", { class: "compose" });
    const label = element("label", { for: "ab-input", class: "sr-only" }, "Your message");
    this.input = element("textarea", { id: "ab-input", rows: "1", placeholder: "Type your message…", "aria-describedby": "ab-hint" });
    const hint = element("span", { id: "ab-hint", class: "sr-only" }, "Enter sends, Shift+Enter adds a line, Escape closes the chat.");
    this.send = element("button", { type: "submit" }, "Send");
    this.form.append(label, this.input, hint, this.send);
    this.panel.append(header, this.log, this.status, this.error, this.form);
    root.append(this.bubble, this.panel);

    this.bubble.addEventListener("click", () => (this.panel.hidden ? this.open() : this.close()));
    close.addEventListener("click", () => this.close());
    this.panel.addEventListener("keydown", (e) => { if (e.key === "Escape") { e.preventDefault(); this.close(); } });
    this.input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); this.form.requestSubmit(); }
    });
    this.form.addEventListener("submit", (e) => { e.preventDefault(); this.stream ? this.stop() : this.submit(); });

    this.connection = new signalR.HubConnectionBuilder()
      .withUrl(this.hubUrl, { withCredentials: false })
      .withAutomaticReconnect()
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    this.connection.onreconnecting(() => { this.status.textContent = "Connection lost, reconnecting…"; this.setBusy(true); });
    this.connection.onreconnected(() => this.resume());
    this.connection.onclose(() => {
      this.started = null;
      this.status.textContent = "";
      this.showError("The connection was lost. Send your message again to reconnect.");
      this.setBusy(false);
    });
    if (sessionStorage.getItem(this.storageKey)) this.ensureStarted(); // a conversation in progress: redraw it early
  }

  open() {
    this.panel.hidden = false;
    this.bubble.setAttribute("aria-expanded", "true");
    this.bubble.setAttribute("aria-label", "Close chat");
    this.input.focus();
    this.ensureStarted();
  }

  close() {
    this.panel.hidden = true;
    this.bubble.setAttribute("aria-expanded", "false");
    this.bubble.setAttribute("aria-label", "Open chat");
    this.bubble.focus();
  }

  /** Connects (once) and starts or resumes the conversation. */
  ensureStarted() {
    if (!this.started) {
      this.started = (async () => {
        if (this.connection.state === signalR.HubConnectionState.Disconnected) await this.connection.start();
        await this.resume();
      })().catch((e) => { this.started = null; this.showError(serverMessage(e)); throw e; });
    }
    return this.started;
  }

  /** Redraws the stored conversation (after a reconnect or reload), or starts a new one. */
  async resume() {
    this.status.textContent = "";
    this.setBusy(false);
    const id = sessionStorage.getItem(this.storageKey);
    if (id) {
      try {
        const stored = await this.connection.invoke("ResumeConversation", this.key, id);
        this.apply(stored);
        this.conversationId = id;
        this.redraw(stored.messages);
        return;
      } catch (e) {
        if (!/does not exist/.test(serverMessage(e))) throw e;
        sessionStorage.removeItem(this.storageKey);
      }
    }
    const started = await this.connection.invoke("StartConversation", this.key);
    this.apply(started);
    this.conversationId = started.conversationId;
    sessionStorage.setItem(this.storageKey, this.conversationId);
    this.redraw([]);
  }

  apply(settings) {
    this.title.textContent = settings.title;
    this.bubble.setAttribute("title", settings.title);
    this.welcome = settings.welcome;
    if (/^#[0-9a-f]{3,8}$/i.test(settings.colour || "")) this.panel.getRootNode().host.style.setProperty("--ab-colour", settings.colour);
  }

  redraw(messages) {
    this.stream = null;
    this.log.replaceChildren();
    if (this.welcome) this.log.appendChild(this.assistantBubble(this.welcome, null));
    for (const m of messages) {
      if (m.role === "user") this.log.appendChild(element("div", { class: "msg user" }, m.content));
      else if (m.role === "assistant") this.log.appendChild(this.assistantBubble(m.content, m));
    }
    this.messageCount = messages.length;
    this.log.scrollTop = this.log.scrollHeight;
  }

  assistantBubble(text, stored) {
    const bubble = element("div", { class: "msg assistant" });
    const body = element("div");
    body.innerHTML = renderMarkdown(text);
    bubble.appendChild(body);
    if (stored) this.finishAnswer(bubble, stored.index, stored.truncated, stored.rating);
    return bubble;
  }

  async submit() {
    const text = this.input.value.trim();
    if (!text) return;
    this.showError("");
    try { await this.ensureStarted(); } catch { return; }
    this.input.value = "";
    const question = element("div", { class: "msg user" }, text);
    this.log.appendChild(question);
    const bubble = element("div", { class: "msg assistant", "aria-busy": "true" });
    const body = element("div");
    bubble.appendChild(body);
    this.log.appendChild(bubble);
    this.log.scrollTop = this.log.scrollHeight;
    this.status.textContent = "The assistant is answering…";

    let answer = "", frame = 0, stopped = false, finished = false;
    const draw = () => { frame = 0; body.innerHTML = renderMarkdown(answer); this.log.scrollTop = this.log.scrollHeight; };
    const index = this.messageCount + 1;
    const done = (error) => {
      if (finished) return;
      finished = true;
      if (frame) cancelAnimationFrame(frame);
      draw();
      this.stream = null;
      this.setStreaming(false);
      bubble.setAttribute("aria-busy", "false");
      this.status.textContent = error ? "" : stopped ? "Answer stopped." : "Answer complete.";
      if (error && !answer) {
        // Refused before any answer (too long, rate limit, ...): nothing was stored, so the question leaves the log
        // and goes back into the box to be changed or sent again.
        bubble.remove();
        question.remove();
        if (!this.input.value) this.input.value = text;
        this.showError(serverMessage(error));
        return;
      }
      this.messageCount += 2;
      this.finishAnswer(bubble, index, stopped || !!error, null);
      if (error) this.showError(serverMessage(error));
      this.input.focus();
    };
    this.setStreaming(true);
    const subscription = this.connection.stream("SendMessage", this.key, this.conversationId, text).subscribe({
      next: (delta) => { answer += delta; if (!frame) frame = requestAnimationFrame(draw); },
      complete: () => done(null),
      error: (e) => done(e),
    });
    this.stream = { stop: () => { stopped = true; subscription.dispose(); done(null); } };
  }

  stop() { if (this.stream) this.stream.stop(); }

  setStreaming(on) {
    this.send.textContent = on ? "Stop" : "Send";
    this.send.setAttribute("aria-label", on ? "Stop the answer" : "Send message");
  }

  setBusy(busy) { this.send.disabled = busy; }

  showError(text) { this.error.textContent = text; }

  /** Notes a stopped answer and adds thumbs up/down with an optional comment. */
  finishAnswer(bubble, index, truncated, rating) {
    if (truncated) bubble.appendChild(element("div", { class: "note" }, "(answer stopped)"));
    const bar = element("div", { class: "rate", role: "group", "aria-label": "Rate this answer" });
    const up = element("button", { type: "button", "aria-label": "Good answer", "aria-pressed": String(rating === 1) });
    const down = element("button", { type: "button", "aria-label": "Bad answer", "aria-pressed": String(rating === -1) });
    up.innerHTML = thumbUp;
    down.innerHTML = thumbDown;
    bar.append(up, down);
    const rate = async (value) => {
      try {
        await this.connection.invoke("Rate", this.key, this.conversationId, index, value, null);
        up.setAttribute("aria-pressed", String(value === 1));
        down.setAttribute("aria-pressed", String(value === -1));
        this.status.textContent = "Thanks for your feedback.";
        this.commentForm(bar, index, value);
      } catch (e) { this.showError(serverMessage(e)); }
    };
    up.addEventListener("click", () => rate(1));
    down.addEventListener("click", () => rate(-1));
    bubble.appendChild(bar);
  }

  commentForm(bar, index, value) {
    bar.querySelector("form")?.remove();
    const form = element("form");
    const input = element("input", { type: "text", maxlength: "1000", placeholder: "Add a comment (optional)", "aria-label": "Comment on this answer" });
    const send = element("button", { type: "submit" }, "Send");
    form.append(input, send);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      try {
        await this.connection.invoke("Rate", this.key, this.conversationId, index, value, input.value.trim() || null);
        form.replaceChildren(element("span", { class: "note" }, "Comment sent, thank you."));
      } catch (err) { this.showError(serverMessage(err)); }
    });
    bar.appendChild(form);
    input.focus();
  }
}

// Last, once ChatWidget is defined (classes are not hoisted).
const script = document.currentScript || document.querySelector("script[data-key][src*='widget.js']");

if (script && !window.__assistantBuilderWidget) {
  window.__assistantBuilderWidget = true;
  const start = () => new ChatWidget(script).mount();
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start, { once: true });
}
