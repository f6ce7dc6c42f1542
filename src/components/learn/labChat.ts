// The lab's chat: the conversation, the exchange counter and completion, the choice between the
// built-in tutor and the learner's own model (with its settings, Stop, Retry and fall-back), the
// per-lab transcript with export and clear, and the end-of-lab summary.
// Nothing anyone types runs: the learner's text is put on the page with textContent, and the
// tutor's (built-in or model) is read as Markdown into a tree and built node by node
// (markdownLite.ts + markdownDom.ts) — never through innerHTML.
import { type LabBrief, sectionHref } from "../../content/labs.js";
import type { CourseIndex } from "./courseIndex.js";
import { el, formatDate } from "./dom.js";
import { modelMessages } from "./labPrompt.js";
import { LlmError, type LlmFailure, listModels, streamChat } from "./llmClient.js";
import {
  bindKey,
  browserStorage,
  type KeyValueStorage,
  keyFor,
  type LlmSettings,
  loadSettings,
  normaliseBaseUrl,
  PRESETS,
  presetById,
  saveSettings,
} from "./llmSettings.js";
import { markdownView, renderMarkdown } from "./markdownDom.js";
import type { BenchmarkRow } from "./numberClaims.js";
import type { ProgressStore } from "./progress.js";
import {
  countExchanges,
  createTranscriptStore,
  MAX_TEXT,
  markCut,
  messageId,
  syncAcrossTabs,
  type TranscriptMessage,
  transcriptMarkdown,
} from "./transcript.js";
import {
  countsAsExchange,
  createTutorContext,
  EXCHANGES_TO_COMPLETE,
  summarise,
  type Turn,
  tutorReply,
} from "./tutor.js";

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

const MAX_INPUT = 4000;

/** The conversation as the tutors see it: answered learner messages and finished tutor answers. */
function turnsOf(messages: readonly TranscriptMessage[]): Turn[] {
  return messages
    .filter((m) => (m.role === "learner" ? m.status !== "failed" && m.status !== "pending" : !m.partial))
    .map((m) => ({ role: m.role, text: m.text }));
}

/** One of the lab's buttons: `data-action` names what it does (the tests find it by that). */
function labButton(
  action: string,
  label: string,
  { danger = false, hidden = false }: { danger?: boolean; hidden?: boolean } = {},
): HTMLButtonElement {
  return el(
    "button",
    {
      type: "button",
      class: danger ? "lab-button lab-danger" : "lab-button",
      "data-action": action,
      ...(hidden ? { hidden: true } : {}),
    },
    label,
  );
}

export function labChat(options: LabChatOptions): HTMLElement {
  const { lab } = options;
  const now = options.now ?? (() => new Date());
  const local = options.local === undefined ? browserStorage("localStorage") : options.local;
  const session = options.session === undefined ? browserStorage("sessionStorage") : options.session;
  const progress = options.progress ?? null;
  const ctx = createTutorContext(lab, options.benchmarks, options.courseIndex ?? null);
  const store = createTranscriptStore(local, lab.lesson);
  // The same lab in another tab: take in its messages (only over the browser's own storage).
  if (options.local === undefined) syncAcrossTabs(store, lab.lesson);
  let settings: LlmSettings = loadSettings(local, session);
  let seq = 0;
  const tab = Math.random().toString(36).slice(2, 6);
  let busy: AbortController | null = null;
  let lastRecorded = -1;

  // ---- skeleton ----------------------------------------------------------------------------
  const root = el("section", { class: "lab", "data-lab": lab.lesson, "aria-labelledby": "lab-chat-title" });
  const notice = el("div", { class: "lab-notice warning", role: "status", hidden: true });

  const title = el("h2", { id: "lab-chat-title", class: "lab-title" }, "Talk it through");
  const dots = el("span", { class: "lab-dots", "aria-hidden": "true" });
  const count = el("span", { class: "lab-count", "data-readout": "exchanges", "data-value": "0" });
  const badge = el("span", { class: "lab-badge", hidden: true });
  const meter = el(
    "div",
    { class: "lab-meter", role: "group", "aria-label": "Progress in this lab" },
    el("span", { class: "lab-meter-label" }, "Substantive exchanges"),
    dots,
    count,
    badge,
  );
  const bar = el("div", { class: "lab-bar" }, title, meter);

  // Tutor choice.
  const choiceName = `lab-${lab.lesson}-tutor`;
  const radioBuiltin = el("input", { type: "radio", name: choiceName, value: "builtin" });
  const radioModel = el("input", { type: "radio", name: choiceName, value: "model" });
  const settingsToggle = el(
    "button",
    {
      type: "button",
      class: "lab-link-button",
      "aria-expanded": "false",
      "aria-controls": `lab-settings-${lab.lesson}`,
    },
    "Model settings",
  );
  const choice = el(
    "fieldset",
    { class: "lab-choice" },
    el("legend", {}, "Tutor"),
    el("label", {}, radioBuiltin, " Built-in tutor ", el("span", { class: "lab-muted" }, "(works offline)")),
    el(
      "label",
      {},
      radioModel,
      " Your own model ",
      el("span", { class: "lab-muted" }, "(any OpenAI-compatible endpoint)"),
    ),
    settingsToggle,
  );

  // Settings panel.
  const presetSelect = el("select", { id: `lab-preset-${lab.lesson}`, "data-setting": "preset" });
  for (const p of PRESETS) presetSelect.append(el("option", { value: p.id }, p.label));
  const baseInput = el("input", {
    id: `lab-base-${lab.lesson}`,
    type: "text",
    inputmode: "url",
    spellcheck: "false",
    autocomplete: "off",
    "data-setting": "baseUrl",
    placeholder: "http://localhost:11434/v1",
  });
  const modelInput = el("input", {
    id: `lab-model-${lab.lesson}`,
    type: "text",
    spellcheck: "false",
    autocomplete: "off",
    "data-setting": "model",
    list: `lab-models-${lab.lesson}`,
  });
  const modelList = el("datalist", { id: `lab-models-${lab.lesson}` });
  const keyInput = el("input", {
    id: `lab-key-${lab.lesson}`,
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    "data-setting": "apiKey",
    placeholder: "optional",
  });
  const rememberBox = el("input", {
    id: `lab-remember-${lab.lesson}`,
    type: "checkbox",
    "data-setting": "remember",
  });
  const stallInput = el("input", {
    id: `lab-stall-${lab.lesson}`,
    type: "number",
    min: "1",
    max: "600",
    step: "1",
    "data-setting": "stallSeconds",
  });
  const deadlineInput = el("input", {
    id: `lab-deadline-${lab.lesson}`,
    type: "number",
    min: "1",
    max: "3600",
    step: "1",
    "data-setting": "deadlineSeconds",
  });
  const keyNote = el("p", { class: "lab-key-note", role: "status", "data-key-note": "" });
  const presetNote = el("p", { class: "lab-muted lab-preset-note" });
  const testButton = labButton("test", "Test connection");
  const testStatus = el("div", { class: "lab-test-status", role: "status" });
  const field = (label: string, input: HTMLElement, help?: string) =>
    el(
      "div",
      { class: "lab-field" },
      el("label", { for: input.id }, label),
      input,
      help ? el("span", { class: "lab-muted" }, help) : null,
    );
  const settingsPanel = el(
    "div",
    { class: "lab-settings", id: `lab-settings-${lab.lesson}`, hidden: true },
    el(
      "p",
      { class: "lab-muted" },
      "The site sends nothing anywhere until you pick “Your own model”. Then each message, the lab's brief and the numbers the site computed go from your browser straight to the address below — nowhere else.",
    ),
    el(
      "div",
      { class: "lab-settings-grid" },
      field("Preset", presetSelect),
      field("Base URL", baseInput),
      field("Model", modelInput),
      field("API key", keyInput),
    ),
    el(
      "label",
      { class: "lab-check" },
      rememberBox,
      " Remember the key on this device ",
      el(
        "span",
        { class: "lab-muted" },
        "(otherwise it is forgotten when you close this tab; it is only ever sent to the base URL above)",
      ),
    ),
    el(
      "div",
      { class: "lab-field lab-field-inline" },
      el("label", { for: stallInput.id }, "Give up after"),
      stallInput,
      " s without data",
    ),
    el(
      "div",
      { class: "lab-field lab-field-inline" },
      el("label", { for: deadlineInput.id }, "Stop an answer after"),
      deadlineInput,
      " s in all",
    ),
    keyNote,
    presetNote,
    el("div", { class: "lab-test" }, testButton, testStatus),
    modelList,
  );

  // Conversation.
  // A scrolling region that keyboard users can focus and scroll; the list inside holds the messages.
  const list = el("ol", { class: "lab-list" });
  const log = el(
    "div",
    { class: "lab-log", role: "log", tabindex: 0, "aria-label": "Conversation with the tutor" },
    list,
  );
  const live = el("div", { class: "sr-only", "aria-live": "polite" });

  // Failure panel.
  const errorTitle = el("p", { class: "lab-error-title" });
  const errorMessage = el("p", { class: "lab-error-message" });
  const errorFix = el("code", {});
  const errorFixBlock = el("pre", { class: "lab-error-fix", hidden: true }, errorFix);
  const retryButton = el("button", { type: "button", class: "lab-button", "data-action": "retry" }, "Retry");
  const fallbackButton = labButton("fallback", "Answer with the built-in tutor instead");
  const errorPanel = el(
    "div",
    { class: "lab-error", role: "alert", hidden: true },
    errorTitle,
    errorMessage,
    errorFixBlock,
    el("div", { class: "lab-actions" }, retryButton, fallbackButton),
  );

  // Input.
  // No maxlength: a long paste would be cut without a word. The note below says what is sent.
  const input = el("textarea", {
    id: `lab-input-${lab.lesson}`,
    class: "lab-input",
    rows: 3,
    "aria-describedby": `lab-hint-${lab.lesson} lab-input-note-${lab.lesson}`,
  });
  const inputNote = el("p", {
    class: "lab-input-note",
    id: `lab-input-note-${lab.lesson}`,
    role: "status",
    "data-input-note": "",
  });
  const sendButton = el("button", { type: "submit", class: "lab-button lab-send" }, "Send");
  const stopButton = labButton("stop", "Stop", { hidden: true });
  const hint = el(
    "p",
    { class: "lab-hint lab-muted", id: `lab-hint-${lab.lesson}` },
    `${lab.suggestion} Enter sends, Shift+Enter starts a new line. A message counts when it raises an idea from the lesson or answers the tutor's question; ask anything, and the tutor answers from the lessons.`,
  );
  const form = el(
    "form",
    { class: "lab-form" },
    el("label", { for: input.id, class: "lab-input-label" }, "Your message"),
    input,
    inputNote,
    el("div", { class: "lab-form-row" }, hint, el("div", { class: "lab-actions" }, stopButton, sendButton)),
  );

  // Tools and summary.
  const exportButton = labButton("export", "Export as Markdown");
  const clearButton = labButton("clear", "Clear conversation…");
  const confirmText = el("span", {});
  const confirmYes = labButton("confirm-clear", "Delete it", { danger: true });
  const confirmNo = labButton("cancel-clear", "Keep it");
  const confirm = el(
    "div",
    { class: "lab-confirm", hidden: true, role: "group" },
    confirmText,
    confirmYes,
    confirmNo,
  );
  const tools = el("div", { class: "lab-tools" }, exportButton, clearButton, confirm);
  const summary = el("section", {
    class: "lab-summary",
    hidden: true,
    "aria-labelledby": `lab-summary-${lab.lesson}`,
  });

  root.append(notice, bar, choice, settingsPanel, log, live, errorPanel, form, tools, summary);

  // ---- rendering -----------------------------------------------------------------------------
  function messageItem(m: { role: "learner" | "tutor"; text: string; source?: string; model?: string }) {
    const who =
      m.role === "learner" ? "You" : m.source === "model" ? `Tutor · ${m.model || "your model"}` : "Tutor";
    // dir="auto": a message in Arabic or Hebrew reads right to left.
    const body = el("div", {
      class: m.role === "tutor" ? "lab-msg-text lab-md" : "lab-msg-text",
      dir: "auto",
    });
    if (m.role === "tutor") body.append(...renderMarkdown(m.text));
    else body.textContent = m.text;
    return el(
      "li",
      { class: `lab-msg lab-msg-${m.role}`, "data-role": m.role, "data-source": m.source ?? null },
      el("div", { class: "lab-msg-who" }, who),
      body,
    );
  }

  // Each message's element is kept while the message is unchanged, so a render touches only what
  // changed: the log (an ARIA live region) announces a new answer once, not the whole conversation
  // again, and no message is parsed twice.
  let rendered = new Map<string, { li: HTMLElement; sig: string }>();

  function render() {
    const messages = store.messages();
    const next = new Map<string, { li: HTMLElement; sig: string }>();
    const keep = (key: string, sig: string, build: () => HTMLElement) => {
      const had = rendered.get(key);
      const item = had && had.sig === sig ? had : { li: build(), sig };
      next.set(key, item);
      return item.li;
    };
    const wanted = [
      keep("opening", lab.opening, () =>
        messageItem({ role: "tutor", text: lab.opening, source: "builtin" }),
      ),
    ];
    for (const m of messages) {
      const sig = JSON.stringify([m.role, m.text, m.source, m.model, m.status, m.substantive, m.partial]);
      wanted.push(keep(m.id, sig, () => messageBlock(m)));
    }
    rendered = next;
    const wantedSet = new Set(wanted);
    for (const child of [...list.children]) if (!wantedSet.has(child as HTMLElement)) child.remove();
    wanted.forEach((li, k) => {
      if (list.children[k] !== li) list.insertBefore(li, list.children[k] ?? null);
    });
    updateMeter(messages);
    log.scrollTop = log.scrollHeight;
  }

  /** A stored message: its text plus its status tags. */
  function messageBlock(m: TranscriptMessage): HTMLElement {
    const li = messageItem(m);
    if (m.role === "learner") {
      li.dataset.status = m.status ?? "answered";
      li.dataset.substantive = String(Boolean(m.substantive));
      const tag =
        m.status === "failed"
          ? "not answered"
          : m.substantive
            ? "counts"
            : "doesn't count: raise an idea from the lesson or answer the tutor's question";
      li.append(el("div", { class: "lab-msg-tag" }, tag));
    }
    if (m.partial) {
      li.dataset.partial = m.partial;
      li.append(
        el(
          "div",
          { class: "lab-msg-tag" },
          m.partial === "cut" ? "cut off — doesn't count" : "stopped — doesn't count",
        ),
      );
    }
    return li;
  }

  function updateMeter(messages = store.messages()) {
    const n = countExchanges(messages);
    const recorded = progress?.get().labs[lab.lesson];
    const complete = n >= EXCHANGES_TO_COMPLETE || Boolean(recorded?.complete);
    count.textContent = `${Math.min(n, 99)} of ${EXCHANGES_TO_COMPLETE}`;
    count.dataset.value = String(n);
    dots.replaceChildren(
      ...Array.from({ length: EXCHANGES_TO_COMPLETE }, (_, i) =>
        el("span", { class: i < n ? "lab-dot lab-dot-on" : "lab-dot" }),
      ),
    );
    root.dataset.complete = String(complete);
    badge.hidden = !complete;
    badge.textContent = complete
      ? `✓ Lab complete${recorded?.completedAt ? ` (${formatDate(recorded.completedAt)})` : ""}`
      : "";
    if (progress && n !== lastRecorded && n > 0) {
      lastRecorded = n;
      try {
        progress.recordLab(lab.lesson, n, n >= EXCHANGES_TO_COMPLETE);
      } catch {
        // the progress store reports its own storage problems
      }
      const after = progress.get().labs[lab.lesson];
      if (after?.completedAt) badge.textContent = `✓ Lab complete (${formatDate(after.completedAt)})`;
    }
    renderSummary(messages, n);
  }

  function renderSummary(messages: readonly TranscriptMessage[], n: number) {
    if (n < EXCHANGES_TO_COMPLETE) {
      summary.hidden = true;
      return;
    }
    const s = summarise(ctx, turnsOf(messages));
    const items = s.concepts.map((c) =>
      el(
        "li",
        {
          class: c.covered ? "lab-covered" : "lab-missed",
          "data-concept": c.id,
          "data-covered": String(c.covered),
        },
        el("span", { class: "lab-mark", "aria-hidden": "true" }, c.covered ? "✓" : "○"),
        el("span", { class: "sr-only" }, c.covered ? "Covered: " : "Not yet covered: "),
        c.label,
        c.scenarios.length
          ? el("span", { class: "lab-muted" }, ` (scenario ${c.scenarios.join(", ")})`)
          : null,
        c.covered
          ? null
          : el("span", {}, " — read ", el("a", { href: sectionHref(c.section) }, c.section.label)),
      ),
    );
    summary.replaceChildren(
      el(
        "h3",
        { id: `lab-summary-${lab.lesson}` },
        `Lab complete — you covered ${s.covered} of ${s.total} points`,
      ),
      el("ul", { class: "lab-summary-list" }, ...items),
      el(
        "p",
        { class: "lab-muted" },
        "Keep talking if you like — the tutor carries on. Next: ",
        el("a", { href: `../quizzes/${lab.lesson}` }, `the Lesson ${lab.lesson} quiz`),
        lab.lesson === "4" ? null : " or ",
        lab.lesson === "4"
          ? null
          : el("a", { href: `../lessons/${Number(lab.lesson) + 1}` }, `Lesson ${Number(lab.lesson) + 1}`),
        ".",
      ),
    );
    summary.hidden = false;
  }

  function showNotice(text: string | null) {
    notice.hidden = !text;
    notice.textContent = text ?? "";
  }

  function showError(f: LlmFailure | null) {
    errorPanel.hidden = !f;
    errorPanel.dataset.errorKind = f?.kind ?? "";
    errorTitle.textContent = f?.title ?? "";
    errorMessage.textContent = f?.message ?? "";
    errorFix.textContent = f?.fix ?? "";
    errorFixBlock.hidden = !f?.fix;
    retryButton.hidden = !f || f.kind === "settings";
  }

  function setBusy(controller: AbortController | null) {
    busy = controller;
    stopButton.hidden = !controller;
    sendButton.disabled = Boolean(controller);
    log.setAttribute("aria-busy", controller ? "true" : "false");
    root.dataset.busy = String(Boolean(controller));
  }

  // ---- settings ------------------------------------------------------------------------------
  function fillSettings() {
    radioBuiltin.checked = settings.mode === "builtin";
    radioModel.checked = settings.mode === "model";
    presetSelect.value = settings.preset;
    baseInput.value = settings.baseUrl;
    modelInput.value = settings.model;
    keyInput.value = settings.apiKey;
    rememberBox.checked = settings.remember;
    stallInput.value = String(settings.stallSeconds);
    deadlineInput.value = String(settings.deadlineSeconds);
    presetNote.textContent = presetById(settings.preset)?.note ?? "";
    root.dataset.mode = settings.mode;
  }

  function persistSettings() {
    saveSettings(settings, local, session);
    root.dataset.mode = settings.mode;
  }

  /** Take edited settings, keeping the key bound to the origin it was entered for. */
  function applySettings(next: LlmSettings) {
    const { settings: bound, clearedFrom } = bindKey(settings, next);
    settings = bound;
    if (clearedFrom !== null) {
      keyInput.value = "";
      const to = normaliseBaseUrl(settings.baseUrl);
      keyNote.textContent = `The API key was cleared: it was entered for ${clearedFrom}, and the base URL now points ${to.ok ? `at ${new URL(to.url).origin}` : "elsewhere"}. A key is only ever sent to the server it was entered for; enter the key for this one.`;
    } else if (next.apiKey) {
      keyNote.textContent = "";
    }
    persistSettings();
  }

  function readSettings() {
    const stall = Number(stallInput.value);
    const deadline = Number(deadlineInput.value);
    applySettings({
      ...settings,
      baseUrl: baseInput.value.trim(),
      model: modelInput.value.trim(),
      apiKey: keyInput.value.trim(),
      remember: rememberBox.checked,
      stallSeconds:
        Number.isFinite(stall) && stall >= 1 && stall <= 600 ? Math.round(stall) : settings.stallSeconds,
      deadlineSeconds:
        Number.isFinite(deadline) && deadline >= 1 && deadline <= 3600
          ? Math.round(deadline)
          : settings.deadlineSeconds,
    });
  }

  function openSettings(open: boolean) {
    settingsPanel.hidden = !open;
    settingsToggle.setAttribute("aria-expanded", String(open));
  }

  presetSelect.addEventListener("change", () => {
    const p = presetById(presetSelect.value);
    if (!p) return;
    applySettings({ ...settings, preset: p.id, baseUrl: p.baseUrl, model: p.model });
    fillSettings();
  });
  for (const x of [baseInput, modelInput, keyInput, rememberBox, stallInput, deadlineInput])
    x.addEventListener("change", readSettings);
  for (const x of [baseInput, modelInput, keyInput, stallInput, deadlineInput])
    x.addEventListener("input", readSettings);
  for (const r of [radioBuiltin, radioModel]) {
    r.addEventListener("change", () => {
      settings = { ...settings, mode: radioModel.checked ? "model" : "builtin" };
      persistSettings();
      if (settings.mode === "model") openSettings(true);
      showError(null);
    });
  }
  settingsToggle.addEventListener("click", () => openSettings(settingsPanel.hidden));

  function endpoint(): { ok: true; baseUrl: string } | { ok: false; failure: LlmFailure } {
    const url = normaliseBaseUrl(settings.baseUrl);
    if (!url.ok)
      return {
        ok: false,
        failure: { kind: "settings", title: "The model settings need a base URL.", message: url.message },
      };
    return { ok: true, baseUrl: url.url };
  }

  testButton.addEventListener("click", async () => {
    readSettings();
    const ep = endpoint();
    testStatus.replaceChildren();
    if (!ep.ok) {
      testStatus.textContent = ep.failure.message;
      return;
    }
    testStatus.textContent = `Asking ${ep.baseUrl}/models…`;
    testButton.disabled = true;
    try {
      const models = await listModels({
        baseUrl: ep.baseUrl,
        apiKey: keyFor(settings, ep.baseUrl),
        preset: settings.preset,
        origin: location.origin,
      });
      modelList.replaceChildren(...models.map((m) => el("option", { value: m })));
      if (!models.length) {
        testStatus.textContent = "Connected, but the endpoint lists no models. Type the model name by hand.";
      } else {
        const picks = models.slice(0, 12).map((m) => {
          const b = el("button", { type: "button", class: "lab-model-pick", "data-model": m }, m);
          b.addEventListener("click", () => {
            modelInput.value = m;
            readSettings();
            testStatus.querySelectorAll(".lab-model-pick").forEach((x) => {
              x.setAttribute("aria-pressed", String(x === b));
            });
          });
          b.setAttribute("aria-pressed", String(m === settings.model));
          return b;
        });
        testStatus.replaceChildren(
          el("span", {}, `Connected — ${models.length} model${models.length === 1 ? "" : "s"}. Pick one: `),
          ...picks,
        );
        if (!settings.model && models[0]) {
          modelInput.value = models[0];
          readSettings();
        }
      }
      testStatus.dataset.ok = "true";
    } catch (e) {
      const f = e instanceof LlmError ? e.failure : null;
      testStatus.dataset.ok = "false";
      testStatus.replaceChildren(
        el("strong", {}, f?.title ?? "The test failed."),
        " ",
        f?.message ?? "",
        ...(f?.fix ? [el("pre", { class: "lab-error-fix" }, el("code", {}, f.fix))] : []),
      );
    } finally {
      testButton.disabled = false;
    }
  });

  // ---- sending ---------------------------------------------------------------------------------
  const stamp = () => now().toISOString();
  const nextId = () => messageId(now(), seq++, tab);

  function lastFailed(): TranscriptMessage | null {
    const messages = store.messages();
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i]!;
      if (m.role === "learner") return m.status === "failed" ? m : null;
    }
    return null;
  }

  /** Drop an unanswered learner message and any cut-off answer after it. */
  function dropFailed(failed: TranscriptMessage) {
    const messages = store.messages();
    const at = messages.findIndex((m) => m.id === failed.id);
    for (const m of messages.slice(at)) store.remove(m.id);
  }

  function answerBuiltin(learner: TranscriptMessage) {
    const messages = store.messages();
    const at = messages.findIndex((m) => m.id === learner.id);
    const before = messages.slice(0, at);
    // Remove a cut-off model answer to this message, if any: the built-in tutor answers it afresh.
    for (const m of messages.slice(at + 1)) store.remove(m.id);
    const reply = tutorReply(ctx, turnsOf(before), learner.text, { exchangesBefore: countExchanges(before) });
    store.update(learner.id, { status: "answered" });
    store.append({ id: nextId(), role: "tutor", text: reply.text, at: stamp(), source: "builtin" });
    live.textContent = "The tutor answered.";
    render();
  }

  async function answerModel(learner: TranscriptMessage) {
    const ep = endpoint();
    if (!ep.ok || !settings.model) {
      store.update(learner.id, { status: "failed" });
      render();
      restoreInput(learner.text);
      openSettings(true);
      showError(
        ep.ok
          ? {
              kind: "settings",
              title: "The model settings need a model name.",
              message: "Type one, or use “Test connection” to list what the endpoint serves.",
            }
          : ep.failure,
      );
      return;
    }
    const messages = store.messages();
    const at = messages.findIndex((m) => m.id === learner.id);
    const before = messages.slice(0, at);
    for (const m of messages.slice(at + 1)) store.remove(m.id);
    store.update(learner.id, { status: "pending" });
    render();
    const streaming = messageItem({ role: "tutor", text: "", source: "model", model: settings.model });
    streaming.dataset.streaming = "true";
    const body = streaming.querySelector(".lab-msg-text") as HTMLElement;
    body.textContent = "…";
    list.append(streaming);
    // Follow the answer as it grows — unless the learner has scrolled up to read something.
    let follow = true;
    const onScroll = () => {
      follow = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
    };
    log.addEventListener("scroll", onScroll, { passive: true });
    const view = markdownView(body, {
      onDraw: () => {
        if (follow) log.scrollTop = log.scrollHeight;
      },
    });
    const controller = new AbortController();
    setBusy(controller);
    live.textContent = "The tutor is answering…";
    try {
      const result = await streamChat({
        baseUrl: ep.baseUrl,
        model: settings.model,
        apiKey: keyFor(settings, ep.baseUrl),
        preset: settings.preset,
        origin: location.origin,
        messages: modelMessages(ctx, turnsOf(before), learner.text),
        signal: controller.signal,
        stallMs: settings.stallSeconds * 1000,
        deadlineMs: settings.deadlineSeconds * 1000,
        maxChars: MAX_TEXT,
        onToken: (_token, text) => view.set(text),
      });
      store.update(learner.id, { status: "answered" });
      store.append({
        id: nextId(),
        role: "tutor",
        // A reply past the most a message keeps is cut with a marker that says so.
        text: result.truncated ? markCut(result.text, MAX_TEXT, result.fullLength) : result.text,
        at: stamp(),
        source: "model",
        model: settings.model,
      });
      live.textContent = "The tutor answered.";
    } catch (e) {
      const err = e instanceof LlmError ? e : null;
      const failure: LlmFailure = err?.failure ?? {
        kind: "cut",
        title: "Something went wrong while reading the answer.",
        message: e instanceof Error ? e.message : String(e),
      };
      const partial = err?.partial ?? "";
      if (failure.kind === "aborted" && partial) {
        store.update(learner.id, { status: "answered" });
        store.append({
          id: nextId(),
          role: "tutor",
          text: partial,
          at: stamp(),
          source: "model",
          model: settings.model,
          partial: "stopped",
        });
      } else {
        store.update(learner.id, { status: "failed" });
        if (partial) {
          store.append({
            id: nextId(),
            role: "tutor",
            text: partial,
            at: stamp(),
            source: "model",
            model: settings.model,
            partial: "cut",
          });
        }
        restoreInput(learner.text);
        if (failure.kind !== "aborted") showError(failure);
      }
      live.textContent = failure.title;
    } finally {
      view.cancel();
      log.removeEventListener("scroll", onScroll);
      setBusy(null);
      render();
    }
  }

  function restoreInput(text: string) {
    if (!input.value.trim()) input.value = text;
  }

  /** Split a long message where it is cut: at the last space before the limit, if one is near. */
  function splitInput(text: string): [string, string] {
    if (text.length <= MAX_INPUT) return [text, ""];
    const space = text.lastIndexOf(" ", MAX_INPUT);
    const at = space > MAX_INPUT - 400 ? space : MAX_INPUT;
    return [text.slice(0, at).trimEnd(), text.slice(at).trimStart()];
  }

  function updateInputNote() {
    const n = input.value.trim().length;
    inputNote.textContent =
      n > MAX_INPUT
        ? `This message is ${n.toLocaleString("en-US")} characters; one message takes up to ${MAX_INPUT.toLocaleString("en-US")}. Send sends the first part and leaves the rest (${(n - splitInput(input.value.trim())[0].length).toLocaleString("en-US")} characters) here.`
        : "";
  }
  input.addEventListener("input", updateInputNote);

  async function send(text: string) {
    const [clean, rest] = splitInput(text.replace(/\r\n?/g, "\n").trim());
    if (!clean || busy) return;
    showError(null);
    const failed = lastFailed();
    if (failed) dropFailed(failed);
    const learner: TranscriptMessage = {
      id: nextId(),
      role: "learner",
      text: clean,
      at: stamp(),
      substantive: countsAsExchange(ctx, turnsOf(store.messages()), clean),
      status: "pending",
    };
    store.append(learner);
    input.value = rest;
    inputNote.textContent = rest
      ? `Sent the first ${clean.length.toLocaleString("en-US")} characters (the most one message takes). The other ${rest.length.toLocaleString("en-US")} are still in the box: shorten them or send them next.`
      : "";
    if (settings.mode === "model") await answerModel(learner);
    else answerBuiltin(learner);
    showNotice(store.notice);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void send(input.value);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void send(input.value);
    }
  });
  stopButton.addEventListener("click", () => busy?.abort());
  retryButton.addEventListener("click", () => {
    const failed = lastFailed();
    if (!failed || busy) return;
    showError(null);
    if (input.value.trim() === failed.text) input.value = "";
    if (settings.mode === "model") void answerModel(failed);
    else answerBuiltin(failed);
  });
  fallbackButton.addEventListener("click", () => {
    const failed = lastFailed();
    settings = { ...settings, mode: "builtin" };
    persistSettings();
    fillSettings();
    showError(null);
    if (!failed || busy) return;
    if (input.value.trim() === failed.text) input.value = "";
    answerBuiltin(failed);
  });

  // ---- export and clear -------------------------------------------------------------------------
  exportButton.addEventListener("click", () => {
    const messages = store.messages();
    const md = transcriptMarkdown(lab, messages, {
      exportedAt: now(),
      complete:
        countExchanges(messages) >= EXCHANGES_TO_COMPLETE ||
        Boolean(progress?.get().labs[lab.lesson]?.complete),
    });
    const url = URL.createObjectURL(new Blob([md], { type: "text/markdown;charset=utf-8" }));
    const a = el("a", {
      href: url,
      download: `lab-${lab.lesson}-${lab.title.toLowerCase().replace(/\W+/g, "-")}.md`,
    });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  clearButton.addEventListener("click", () => {
    const n = store.messages().length;
    if (!n) return;
    confirmText.textContent = `Delete all ${n} message${n === 1 ? "" : "s"} of this lab? Your completion stays recorded. `;
    confirm.hidden = false;
    clearButton.hidden = true;
    confirmNo.focus();
  });
  const closeConfirm = () => {
    confirm.hidden = true;
    clearButton.hidden = false;
    clearButton.focus();
  };
  confirmNo.addEventListener("click", closeConfirm);
  // Esc answers "Keep it", as it would close a dialog.
  confirm.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      closeConfirm();
    }
  });
  confirmYes.addEventListener("click", () => {
    busy?.abort();
    store.clear();
    showError(null);
    lastRecorded = -1;
    render();
    closeConfirm();
    live.textContent = "The conversation was cleared.";
  });

  progress?.subscribe(() => updateMeter());
  // Another tab wrote to this lab: show its messages (after an answer that is streaming here).
  store.subscribe(() => {
    if (!busy) render();
    showNotice(store.notice);
  });

  fillSettings();
  render();
  showNotice(store.notice);
  const failed = lastFailed();
  if (failed && !input.value) input.value = failed.text;
  return root;
}
