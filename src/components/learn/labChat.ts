// The lab's chat, put together: the progress meter (labMeter.ts), the tutor choice and model
// settings (labSettingsPanel.ts), the conversation (labMessages.ts), the failure panel, the input
// and the tools (export, clear). What Send, Retry, Stop and the fall-back to the built-in tutor do
// is decided by the pure state machine in labConversation.ts; this file feeds it events, keeps the
// transcript store in step with its messages, runs its effects (ask the model, abort, announce)
// and shows its state.
// Nothing anyone types runs: the learner's text is put on the page as text, and the tutor's
// (built-in or model) is read as Markdown into a tree and built node by node — never as HTML.
import { html } from "htl";
import type { LabBrief } from "../../content/labs.js";
import { type ConversationState, initialConversation } from "./conversationState.js";
import type { CourseIndex } from "./courseIndex.js";
import type { ConversationEvent, Effect, Stamp } from "./labConversation.js";
import { messageList } from "./labMessages.js";
import { labMeter } from "./labMeter.js";
import { settingsPanel } from "./labSettingsPanel.js";
import { type StreamOptions, streamChat } from "./llmClient.js";
import { LlmError, type LlmFailure } from "./llmFailure.js";
import type { StreamResult } from "./llmResponse.js";
import { browserStorage, type KeyValueStorage } from "./llmSettings.js";
import type { BenchmarkRow } from "./numberClaims.js";
import type { ProgressStore } from "./progress.js";
import {
  createTranscriptStore,
  MAX_TEXT,
  messageId,
  syncAcrossTabs,
  type TranscriptMessage,
  type TranscriptStore,
  transcriptMarkdown,
  turnsOf,
} from "./transcript.js";
import type { TutorContext } from "./tutorContext.js";

type Engine = typeof import("./labEngine.js");

export interface LabChatOptions {
  lab: LabBrief;
  benchmarks: readonly BenchmarkRow[];
  /** The course index (data/course-index.json): the tutor answers questions from it. */
  courseIndex?: CourseIndex | null;
  progress?: ProgressStore | null;
  /** Storage (defaults: the browser's local and session storage, probed). */
  local?: KeyValueStorage | null;
  session?: KeyValueStorage | null;
  now?: () => Date;
}

/** One of the lab's buttons: `data-action` names what it does (the tests find it by that). */
const labButton = (action: string, label: string, className = "lab-button") =>
  html`<button type="button" class=${className} data-action=${action}>${label}</button>` as unknown as HTMLButtonElement;

/** Write the controller's messages to the store: removed, changed, then new ones, in order. */
function commit(
  store: TranscriptStore,
  before: readonly TranscriptMessage[],
  after: readonly TranscriptMessage[],
) {
  const kept = new Set(after.map((m) => m.id));
  const old = new Map(before.map((m) => [m.id, m]));
  if (!after.length && before.length) return store.clear();
  for (const m of before) if (!kept.has(m.id)) store.remove(m.id);
  for (const m of after) {
    const had = old.get(m.id);
    if (!had) store.append(m);
    else if (had !== m) store.update(m.id, m);
  }
}

/** The failure panel: what went wrong, how to fix it, Retry and the fall-back. */
function errorPanel(onRetry: () => void, onFallback: () => void) {
  const retry = labButton("retry", "Retry");
  const panel = html`<div class="lab-error" role="alert" hidden>
    <p class="lab-error-title"></p><p class="lab-error-message"></p>
    <pre class="lab-error-fix" hidden><code></code></pre>
    <div class="lab-actions">${retry}${labButton("fallback", "Answer with the built-in tutor instead")}</div></div>`;
  retry.addEventListener("click", onRetry);
  panel.querySelector('[data-action="fallback"]')!.addEventListener("click", onFallback);
  const part = (selector: string) => panel.querySelector(selector) as HTMLElement;
  return {
    panel,
    show(f: LlmFailure | null) {
      panel.hidden = !f;
      panel.dataset.errorKind = f?.kind ?? "";
      part(".lab-error-title").textContent = f?.title ?? "";
      part(".lab-error-message").textContent = f?.message ?? "";
      part(".lab-error-fix code").textContent = f?.fix ?? "";
      part(".lab-error-fix").hidden = !f?.fix;
      retry.hidden = !f || f.kind === "settings";
    },
  };
}

/** Export as Markdown and Clear (with its confirmation: Esc keeps the conversation). */
function labTools(onExport: () => void, count: () => number, onClear: () => void): HTMLElement {
  const clear = labButton("clear", "Clear conversation…");
  const text = html`<span>`;
  const yes = labButton("confirm-clear", "Delete it", "lab-button lab-danger");
  const no = labButton("cancel-clear", "Keep it");
  const confirm = html`<div class="lab-confirm" hidden role="group">${text}${yes}${no}</div>`;
  const close = () => {
    confirm.hidden = true;
    clear.hidden = false;
    clear.focus();
  };
  clear.addEventListener("click", () => {
    const n = count();
    if (!n) return;
    text.textContent = `Delete all ${n} message${n === 1 ? "" : "s"} of this lab? Your completion stays recorded. `;
    confirm.hidden = false;
    clear.hidden = true;
    no.focus();
  });
  no.addEventListener("click", close);
  confirm.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  yes.addEventListener("click", () => {
    onClear();
    close();
  });
  const exportButton = labButton("export", "Export as Markdown");
  exportButton.addEventListener("click", onExport);
  return html`<div class="lab-tools">${exportButton}${clear}${confirm}</div>`;
}

/** The model's answer, or what went wrong and the part that arrived. */
async function modelAnswer(
  options: StreamOptions,
): Promise<{ result: StreamResult } | { failure: LlmFailure; partial: string }> {
  try {
    return { result: await streamChat(options) };
  } catch (err) {
    const llm = err instanceof LlmError ? err : null;
    const failure: LlmFailure = llm?.failure ?? {
      kind: "cut",
      title: "Something went wrong while reading the answer.",
      message: err instanceof Error ? err.message : String(err),
    };
    return { failure, partial: llm?.partial ?? "" };
  }
}

/** Offer the lab's transcript as a file download. */
function download(lab: LabBrief, text: string) {
  const name = `lab-${lab.lesson}-${lab.title.toLowerCase().replace(/\W+/g, "-")}.md`;
  const url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
  const a = html`<a href=${url} download=${name}>`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The message box with Send and Stop; Send or Enter (not Shift+Enter) calls `send`. */
function messageForm(lab: LabBrief, send: () => void) {
  // No maxlength: a long paste would be cut without a word. The note below says what is sent.
  const input = html`<textarea id=${`lab-input-${lab.lesson}`} class="lab-input" rows="3"
    aria-describedby=${`lab-hint-${lab.lesson} lab-input-note-${lab.lesson}`}>` as unknown as HTMLTextAreaElement;
  const inputNote = html`<p class="lab-input-note" id=${`lab-input-note-${lab.lesson}`} role="status" data-input-note="">`;
  const sendButton =
    html`<button type="submit" class="lab-button lab-send">Send</button>` as unknown as HTMLButtonElement;
  const stopButton = labButton("stop", "Stop");
  stopButton.hidden = true;
  const form = html`<form class="lab-form"><label for=${input.id} class="lab-input-label">Your message</label>
    ${input}${inputNote}<div class="lab-form-row"><p class="lab-hint lab-muted" id=${`lab-hint-${lab.lesson}`}>${lab.suggestion} Enter sends, Shift+Enter starts a new line. A message counts when it raises an idea from the lesson or answers the tutor's question; ask anything, and the tutor answers from the lessons.</p>
    <div class="lab-actions">${stopButton}${sendButton}</div></div></form>`;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  });
  return { form, input, inputNote, sendButton, stopButton };
}

type LoadedEngine = { m: Engine; ctx: TutorContext };

/**
 * The tutor's code (labEngine.ts: the state machine, the built-in tutor and its search, the model's
 * prompt), imported when first needed: the learner turns to the chat (a focus or a press in it), an
 * event arrives, or a finished lab's summary is to be shown. Until it is here, events are held in
 * order and the chat is not redrawn, so what is typed meanwhile stays in the box; `ready` gets the
 * held events, `failed` what to tell the learner.
 */
function tutorLoader(
  make: (m: Engine) => LoadedEngine,
  ready: (held: ConversationEvent[]) => void,
  failed: (message: string) => void,
) {
  let engine: LoadedEngine | null = null;
  let loading = false;
  const held: ConversationEvent[] = [];
  const load = () => {
    if (loading) return;
    loading = true;
    import("./labEngine.js").then(
      (m) => {
        engine = make(m);
        ready(held.splice(0));
      },
      () => {
        loading = false;
        held.length = 0;
        failed(
          "The tutor's code did not arrive (is the connection down?). What you typed is still in the box: press Send again, or reload the page.",
        );
      },
    );
  };
  return {
    engine: () => engine,
    load,
    hold(event: ConversationEvent) {
      // A second Send of the same box while the code is on its way would send the message twice.
      if (event.type === "send" && held.some((e) => e.type === "send")) return;
      held.push(event);
      load();
    },
  };
}

export function labChat(options: LabChatOptions): HTMLElement {
  const { lab } = options;
  const now = options.now ?? (() => new Date());
  const local = options.local === undefined ? browserStorage("localStorage") : options.local;
  const session = options.session === undefined ? browserStorage("sessionStorage") : options.session;
  const store = createTranscriptStore(local, lab.lesson);
  // The same lab in another tab: take in its messages (only over the browser's own storage).
  if (options.local === undefined) syncAcrossTabs(store, lab.lesson);
  let seq = 0;
  const tab = Math.random().toString(36).slice(2, 6);
  let state: ConversationState = initialConversation(store.messages());
  let abort: AbortController | null = null;

  const root = html`<section class="lab" data-lab=${lab.lesson} aria-labelledby="lab-chat-title">`;
  const notice = html`<div class="lab-notice warning" role="status" hidden>`;
  const live = html`<div class="sr-only" aria-live="polite">`;
  let loadFailure: string | null = null;
  const tutor = tutorLoader(
    (m) => ({ m, ctx: m.createTutorContext(lab, options.benchmarks, options.courseIndex ?? null) }),
    (events) => {
      loadFailure = null;
      for (const event of events) dispatch(event);
      show();
      meter.update(state.messages);
    },
    (message) => {
      loadFailure = message;
      show();
    },
  );
  root.addEventListener("focusin", tutor.load, { once: true });
  root.addEventListener("pointerdown", tutor.load, { once: true });
  const meter = labMeter(root, lab, options.progress ?? null, (messages) => {
    const e = tutor.engine();
    if (e) return e.m.summarise(e.ctx, turnsOf(messages));
    tutor.load();
    return null;
  });
  const settings = settingsPanel({
    lesson: lab.lesson,
    local,
    session,
    onMode: (mode) => {
      root.dataset.mode = mode;
    },
    onChoose: () => dispatch({ type: "dismiss" }),
  });
  const messages = messageList(lab.opening);
  const stamp = (): Stamp => ({
    at: now().toISOString(),
    ids: [messageId(now(), seq++, tab), messageId(now(), seq++, tab)],
  });
  const failure = errorPanel(
    () => dispatch({ type: "retry", answerer: settings.answerer(), stamp: stamp() }),
    () => dispatch({ type: "fallback", stamp: stamp() }),
  );

  const { form, input, inputNote, sendButton, stopButton } = messageForm(lab, () =>
    dispatch({ type: "send", text: input.value, answerer: settings.answerer(), stamp: stamp() }),
  );

  const complete = meter.complete;
  const markdown = () =>
    transcriptMarkdown(lab, [...state.messages], { exportedAt: now(), complete: complete(state.messages) });
  const tools = labTools(
    () => download(lab, markdown()),
    () => state.messages.length,
    () => {
      meter.reset();
      dispatch({ type: "clear" });
    },
  );
  root.append(notice, meter.bar, settings.choice, settings.panel, messages.log, live, failure.panel);
  root.append(form, tools, meter.summary);

  /** Ask the learner's model; its answer (or failure) comes back as an event. */
  async function askModel({ m, ctx }: LoadedEngine, e: Extract<Effect, { type: "ask-model" }>) {
    const endpoint = settings.endpoint()!;
    const { stallSeconds, deadlineSeconds } = settings.settings();
    const shown = messages.stream(e.model);
    const controller = new AbortController();
    abort = controller;
    const got = await modelAnswer({
      ...endpoint,
      model: e.model,
      messages: m.modelMessages(ctx, e.history, e.text),
      signal: controller.signal,
      stallMs: stallSeconds * 1000,
      deadlineMs: deadlineSeconds * 1000,
      maxChars: MAX_TEXT,
      onToken: (_token, text) => shown.set(text),
    });
    const about = { learnerId: e.learnerId, model: e.model, stamp: stamp() };
    abort = null;
    shown.stop();
    dispatch("result" in got ? { type: "answered", ...about, ...got } : { type: "failed", ...about, ...got });
  }

  function run(effect: Effect) {
    const engine = tutor.engine();
    if (effect.type === "ask-model") void (engine && askModel(engine, effect));
    else if (effect.type === "abort") abort?.abort();
    else if (effect.type === "open-settings") settings.open(true);
    else if (effect.type === "use-builtin") settings.useBuiltin();
    else live.textContent = effect.text;
  }

  let drawn: readonly TranscriptMessage[] | null = null;
  function show() {
    failure.show(state.error);
    if (input.value !== state.input) input.value = state.input;
    inputNote.textContent = state.inputNote;
    stopButton.hidden = !state.busy;
    sendButton.disabled = state.busy;
    messages.busy(state.busy);
    root.dataset.busy = String(state.busy);
    // Typing changes no message: the conversation is drawn again only when its messages change.
    if (state.messages !== drawn) {
      drawn = state.messages;
      messages.render(state.messages);
      meter.update(state.messages);
    }
    const said = store.notice ?? loadFailure;
    notice.hidden = !said;
    notice.textContent = said ?? "";
  }

  function dispatch(event: ConversationEvent) {
    const engine = tutor.engine();
    if (!engine) return tutor.hold(event);
    const before = state.messages;
    const next = engine.m.step(engine.ctx, state, event);
    if (event.type !== "synced" && next.state.messages !== before) {
      commit(store, before, next.state.messages);
      // The store merges what other tabs wrote and cuts overlong text: it holds the truth.
      next.state.messages = store.messages();
    }
    state = next.state;
    show();
    for (const effect of next.effects) run(effect);
  }

  input.addEventListener("input", () => dispatch({ type: "typed", text: input.value }));
  stopButton.addEventListener("click", () => dispatch({ type: "stop" }));
  options.progress?.subscribe(() => meter.update(state.messages));
  // Another tab wrote to this lab: show its messages.
  store.subscribe(() => dispatch({ type: "synced", messages: store.messages() }));
  show();
  return root;
}
