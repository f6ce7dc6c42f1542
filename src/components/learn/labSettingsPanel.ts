// The lab's tutor choice (built-in or the learner's own model) and the model's settings panel:
// preset, base URL, model, API key (bound to the origin it was entered for), time limits and
// "Test connection", which lists the endpoint's models to pick from. It keeps the settings saved
// and tells the conversation who answers next (`answerer`).
import { html } from "htl";
import type { Answerer } from "./labConversation.js";
import { listModels } from "./llmClient.js";
import { LlmError, type LlmFailure } from "./llmFailure.js";
import type { Endpoint } from "./llmRequest.js";
import {
  bindKey,
  type KeyValueStorage,
  keyFor,
  type LlmSettings,
  loadSettings,
  normaliseBaseUrl,
  PRESETS,
  presetById,
  saveSettings,
} from "./llmSettings.js";

export interface SettingsPanel {
  /** The "Tutor" fieldset with its "Model settings" toggle. */
  choice: HTMLElement;
  /** The settings panel (hidden until opened). */
  panel: HTMLElement;
  settings(): LlmSettings;
  /** Who answers the next message, given the settings now. */
  answerer(): Answerer;
  /** Where to send a request (null when the base URL is not usable). */
  endpoint(): (Endpoint & { origin: string }) | null;
  open(open: boolean): void;
  /** Switch to the built-in tutor (the learner chose it after a failure). */
  useBuiltin(): void;
}

export interface SettingsPanelOptions {
  lesson: string;
  local: KeyValueStorage | null;
  session: KeyValueStorage | null;
  /** Called with the mode at the start and whenever it changes or is saved. */
  onMode: (mode: LlmSettings["mode"]) => void;
  /** Called when the learner picks a tutor (to clear a failure shown for the other one). */
  onChoose: () => void;
}

type Check = { ok: true; baseUrl: string } | { ok: false; failure: LlmFailure };

function checkEndpoint(settings: LlmSettings): Check {
  const url = normaliseBaseUrl(settings.baseUrl);
  if (!url.ok)
    return {
      ok: false,
      failure: { kind: "settings", title: "The model settings need a base URL.", message: url.message },
    };
  return { ok: true, baseUrl: url.url };
}

const input = (attrs: { id: string; setting: string; type: string }, extra: Record<string, string> = {}) => {
  const x = html`<input id=${attrs.id} type=${attrs.type} data-setting=${attrs.setting} ${extra}>`;
  return x as unknown as HTMLInputElement;
};

const field = (label: string, control: HTMLElement) =>
  html`<div class="lab-field"><label for=${control.id}>${label}</label>${control}</div>`;

const NO_AUTOFILL = { spellcheck: "false", autocomplete: "off" };

/** The failure of a connection test as a status line. */
function testFailure(e: unknown): (Node | string)[] {
  const f = e instanceof LlmError ? e.failure : null;
  return [
    html`<strong>${f?.title ?? "The test failed."}</strong>`,
    ` ${f?.message ?? ""}`,
    ...(f?.fix ? [html`<pre class="lab-error-fix"><code>${f.fix}</code></pre>`] : []),
  ];
}

/** The choice and the panel's controls, empty (the panel fills them). */
function settingsControls(lesson: string) {
  const name = `lab-${lesson}-tutor`;
  const radioBuiltin = html`<input type="radio" name=${name} value="builtin">` as unknown as HTMLInputElement;
  const radioModel = html`<input type="radio" name=${name} value="model">` as unknown as HTMLInputElement;
  const toggle = html`<button type="button" class="lab-link-button" aria-expanded="false"
    aria-controls=${`lab-settings-${lesson}`}>Model settings</button>`;
  const choice = html`<fieldset class="lab-choice"><legend>Tutor</legend>
    <label>${radioBuiltin} Built-in tutor <span class="lab-muted">(works offline)</span></label>
    <label>${radioModel} Your own model <span class="lab-muted">(any OpenAI-compatible endpoint)</span></label>
    ${toggle}</fieldset>`;

  const presetSelect = html`<select id=${`lab-preset-${lesson}`} data-setting="preset">${PRESETS.map(
    (p) => html`<option value=${p.id}>${p.label}`,
  )}</select>` as unknown as HTMLSelectElement;
  const baseInput = input(
    { id: `lab-base-${lesson}`, type: "text", setting: "baseUrl" },
    { inputmode: "url", placeholder: "http://localhost:11434/v1", ...NO_AUTOFILL },
  );
  const modelInput = input(
    { id: `lab-model-${lesson}`, type: "text", setting: "model" },
    { list: `lab-models-${lesson}`, ...NO_AUTOFILL },
  );
  const modelList = html`<datalist id=${`lab-models-${lesson}`}>`;
  const keyInput = input(
    { id: `lab-key-${lesson}`, type: "password", setting: "apiKey" },
    { placeholder: "optional", ...NO_AUTOFILL },
  );
  const rememberBox = input({ id: `lab-remember-${lesson}`, type: "checkbox", setting: "remember" });
  const seconds = (id: string, setting: string, max: number) =>
    input({ id, type: "number", setting }, { min: "1", max: String(max), step: "1" });
  const stallInput = seconds(`lab-stall-${lesson}`, "stallSeconds", 600);
  const deadlineInput = seconds(`lab-deadline-${lesson}`, "deadlineSeconds", 3600);
  const keyNote = html`<p class="lab-key-note" role="status" data-key-note="">`;
  const presetNote = html`<p class="lab-muted lab-preset-note">`;
  const testButton =
    html`<button type="button" class="lab-button" data-action="test">Test connection</button>` as unknown as HTMLButtonElement;
  const testStatus = html`<div class="lab-test-status" role="status">`;
  const panel = html`<div class="lab-settings" id=${`lab-settings-${lesson}`} hidden>
    <p class="lab-muted">The site sends nothing anywhere until you pick “Your own model”. Then each message, the lab's brief and the numbers the site computed go from your browser straight to the address below — nowhere else.</p>
    <div class="lab-settings-grid">${[
      field("Preset", presetSelect),
      field("Base URL", baseInput),
      field("Model", modelInput),
      field("API key", keyInput),
    ]}</div>
    <label class="lab-check">${rememberBox} Remember the key on this device <span class="lab-muted">(otherwise it is forgotten when you close this tab; it is only ever sent to the base URL above)</span></label>
    <div class="lab-field lab-field-inline"><label for=${stallInput.id}>Give up after</label>${stallInput} s without data</div>
    <div class="lab-field lab-field-inline"><label for=${deadlineInput.id}>Stop an answer after</label>${deadlineInput} s in all</div>
    ${keyNote}${presetNote}
    <div class="lab-test">${testButton}${testStatus}</div>
    ${modelList}</div>`;
  return {
    choice,
    radioBuiltin,
    radioModel,
    toggle,
    presetSelect,
    baseInput,
    modelInput,
    modelList,
    keyInput,
    rememberBox,
    stallInput,
    deadlineInput,
    keyNote,
    presetNote,
    testButton,
    testStatus,
    panel,
  };
}

type Controls = ReturnType<typeof settingsControls>;

/** The models the endpoint lists, as buttons to pick one (the first is taken if none is set). */
function showModels(c: Controls, models: readonly string[], current: () => LlmSettings, read: () => void) {
  const { modelList, testStatus, modelInput } = c;
  modelList.replaceChildren(...models.map((m) => html`<option value=${m}>`));
  if (!models.length) {
    testStatus.textContent = "Connected, but the endpoint lists no models. Type the model name by hand.";
    return;
  }
  const picks = models.slice(0, 12).map((m) => {
    const b = html`<button type="button" class="lab-model-pick" data-model=${m}
      aria-pressed=${String(m === current().model)}>${m}</button>`;
    b.addEventListener("click", () => {
      modelInput.value = m;
      read();
      for (const x of testStatus.querySelectorAll(".lab-model-pick"))
        x.setAttribute("aria-pressed", String(x === b));
    });
    return b;
  });
  const n = models.length;
  testStatus.replaceChildren(
    html`<span>Connected — ${n} model${n === 1 ? "" : "s"}. Pick one: </span>`,
    ...picks,
  );
  if (!current().model && models[0]) {
    modelInput.value = models[0];
    read();
  }
}

/** "Test connection": ask the endpoint for its models and say what came back. */
async function connectionTest(c: Controls, current: () => LlmSettings, read: () => void) {
  const { testStatus, testButton } = c;
  read();
  const settings = current();
  const ep = checkEndpoint(settings);
  testStatus.replaceChildren();
  if (!ep.ok) {
    testStatus.textContent = ep.failure.message;
    return;
  }
  testStatus.textContent = `Asking ${ep.baseUrl}/models…`;
  testButton.disabled = true;
  try {
    const apiKey = keyFor(settings, ep.baseUrl);
    const models = await listModels({
      baseUrl: ep.baseUrl,
      apiKey,
      preset: settings.preset,
      origin: location.origin,
    });
    showModels(c, models, current, read);
    testStatus.dataset.ok = "true";
  } catch (e) {
    testStatus.dataset.ok = "false";
    testStatus.replaceChildren(...testFailure(e));
  } finally {
    testButton.disabled = false;
  }
}

export function settingsPanel({
  lesson,
  local,
  session,
  onMode,
  onChoose,
}: SettingsPanelOptions): SettingsPanel {
  let settings = loadSettings(local, session);
  const c = settingsControls(lesson);
  const { radioBuiltin, radioModel, toggle, presetSelect, baseInput, modelInput, keyInput } = c;
  const { rememberBox, stallInput, deadlineInput, keyNote, presetNote, testButton, panel } = c;

  function fill() {
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
    onMode(settings.mode);
  }

  function persist() {
    saveSettings(settings, local, session);
    onMode(settings.mode);
  }

  /** Take edited settings, keeping the key bound to the origin it was entered for. */
  function apply(next: LlmSettings) {
    const { settings: bound, clearedFrom } = bindKey(settings, next);
    settings = bound;
    if (clearedFrom !== null) {
      keyInput.value = "";
      const to = normaliseBaseUrl(settings.baseUrl);
      keyNote.textContent = `The API key was cleared: it was entered for ${clearedFrom}, and the base URL now points ${to.ok ? `at ${new URL(to.url).origin}` : "elsewhere"}. A key is only ever sent to the server it was entered for; enter the key for this one.`;
    } else if (next.apiKey) {
      keyNote.textContent = "";
    }
    persist();
  }

  const within = (raw: string, max: number, fallback: number) => {
    const n = Number(raw);
    return Number.isFinite(n) && n >= 1 && n <= max ? Math.round(n) : fallback;
  };

  function read() {
    apply({
      ...settings,
      baseUrl: baseInput.value.trim(),
      model: modelInput.value.trim(),
      apiKey: keyInput.value.trim(),
      remember: rememberBox.checked,
      stallSeconds: within(stallInput.value, 600, settings.stallSeconds),
      deadlineSeconds: within(deadlineInput.value, 3600, settings.deadlineSeconds),
    });
  }

  function open(show: boolean) {
    panel.hidden = !show;
    toggle.setAttribute("aria-expanded", String(show));
  }

  presetSelect.addEventListener("change", () => {
    const p = presetById(presetSelect.value);
    if (!p) return;
    apply({ ...settings, preset: p.id, baseUrl: p.baseUrl, model: p.model });
    fill();
  });
  for (const x of [baseInput, modelInput, keyInput, rememberBox, stallInput, deadlineInput])
    x.addEventListener("change", read);
  for (const x of [baseInput, modelInput, keyInput, stallInput, deadlineInput])
    x.addEventListener("input", read);
  for (const r of [radioBuiltin, radioModel]) {
    r.addEventListener("change", () => {
      settings = { ...settings, mode: radioModel.checked ? "model" : "builtin" };
      persist();
      if (settings.mode === "model") open(true);
      onChoose();
    });
  }
  toggle.addEventListener("click", () => open(panel.hidden));
  testButton.addEventListener("click", () => void connectionTest(c, () => settings, read));
  fill();

  return {
    choice: c.choice,
    panel,
    settings: () => settings,
    answerer() {
      if (settings.mode === "builtin") return { kind: "builtin" };
      const ep = checkEndpoint(settings);
      if (!ep.ok) return { kind: "unready", failure: ep.failure };
      if (!settings.model)
        return {
          kind: "unready",
          failure: {
            kind: "settings",
            title: "The model settings need a model name.",
            message: "Type one, or use “Test connection” to list what the endpoint serves.",
          },
        };
      return { kind: "model", model: settings.model };
    },
    endpoint() {
      const ep = checkEndpoint(settings);
      if (!ep.ok) return null;
      return {
        baseUrl: ep.baseUrl,
        apiKey: keyFor(settings, ep.baseUrl),
        preset: settings.preset,
        origin: location.origin,
      };
    },
    open,
    useBuiltin() {
      settings = { ...settings, mode: "builtin" };
      persist();
      fill();
    },
  };
}
