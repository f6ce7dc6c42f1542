// Settings for the learner's own model: a preset, the base URL, the model name and an optional
// API key. The key lives in sessionStorage (gone when the tab closes) unless the learner ticks
// "remember on this device"; it is never put in a URL and never logged. The key is bound to the
// origin (scheme, host and port) it was entered for: when the base URL moves to another origin the
// key is cleared, and a request to any other origin goes without it. Storage that fails or holds
// garbage gives the defaults, never an exception.

export type PresetId = "ollama" | "lmstudio" | "llamacpp" | "vllm" | "openai" | "custom";

export interface Preset {
  id: PresetId;
  label: string;
  baseUrl: string;
  model: string;
  needsKey: boolean;
  /** One line on getting it to answer a web page. */
  note: string;
}

export const PRESETS: readonly Preset[] = [
  {
    id: "ollama",
    label: "Ollama",
    baseUrl: "http://localhost:11434/v1",
    model: "llama3.2",
    needsKey: false,
    note: "Ollama answers pages served from localhost; for any other address start it with OLLAMA_ORIGINS set to this site's origin.",
  },
  {
    id: "lmstudio",
    label: "LM Studio",
    baseUrl: "http://localhost:1234/v1",
    model: "",
    needsKey: false,
    note: "Start LM Studio's local server and switch on “Enable CORS” in its server settings.",
  },
  {
    id: "llamacpp",
    label: "llama.cpp server",
    baseUrl: "http://localhost:8080/v1",
    model: "local",
    needsKey: false,
    note: "llama-server answers browser requests out of the box; the model name is ignored.",
  },
  {
    id: "vllm",
    label: "vLLM",
    baseUrl: "http://localhost:8000/v1",
    model: "",
    needsKey: false,
    note: "Start vLLM with --allowed-origins including this site's origin (or '*').",
  },
  {
    id: "openai",
    label: "OpenAI",
    baseUrl: "https://api.openai.com/v1",
    model: "gpt-4o-mini",
    needsKey: true,
    note: "Needs an API key; requests are billed to it and go straight from your browser to OpenAI.",
  },
  {
    id: "custom",
    label: "Custom (any OpenAI-compatible endpoint)",
    baseUrl: "",
    model: "",
    needsKey: false,
    note: "Any server that speaks /v1/chat/completions with streaming.",
  },
];

export type TutorMode = "builtin" | "model";

export interface LlmSettings {
  mode: TutorMode;
  preset: PresetId;
  baseUrl: string;
  model: string;
  apiKey: string;
  /** Keep the key in localStorage instead of sessionStorage. */
  remember: boolean;
  /** Give up on a stream after this many seconds without data. */
  stallSeconds: number;
  /** Stop an answer after this many seconds in all, however steadily data arrives. */
  deadlineSeconds: number;
  /** The origin the API key was entered for ("" when none is bound yet). */
  keyOrigin: string;
}

export const DEFAULT_STALL_SECONDS = 60;
export const DEFAULT_DEADLINE_SECONDS = 300;

export function defaultSettings(): LlmSettings {
  const ollama = PRESETS[0]!;
  return {
    mode: "builtin",
    preset: ollama.id,
    baseUrl: ollama.baseUrl,
    model: ollama.model,
    apiKey: "",
    remember: false,
    stallSeconds: DEFAULT_STALL_SECONDS,
    deadlineSeconds: DEFAULT_DEADLINE_SECONDS,
    keyOrigin: "",
  };
}

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

export type UrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * Check and tidy a base URL: http(s) only, no credentials or query in it (a key belongs in
 * the key field, never in a URL), trailing slashes dropped, "/v1" added to a bare host.
 */
export function normaliseBaseUrl(input: string): UrlCheck {
  const raw = input.trim();
  if (!raw) return { ok: false, message: "Enter the endpoint's base URL, e.g. http://localhost:11434/v1." };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    return { ok: false, message: `“${raw}” is not a URL. It should look like http://localhost:11434/v1.` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, message: "The base URL must start with http:// or https://." };
  }
  if (url.username || url.password) {
    return { ok: false, message: "Don't put a user name or key in the URL — use the API key field." };
  }
  if (url.search || url.hash) {
    return {
      ok: false,
      message: "The base URL should have no ?query or #fragment (a key goes in the API key field).",
    };
  }
  let path = url.pathname.replace(/\/+$/, "");
  path = path.replace(/\/(chat\/completions|models)$/, "");
  if (path === "") path = "/v1";
  return { ok: true, url: `${url.origin}${path}` };
}

// ---- the key and its origin ---------------------------------------------------------------------

/** The origin a base URL points at ("https://api.openai.com"), or "" if it is not a usable URL. */
export function originOf(baseUrl: string): string {
  const check = normaliseBaseUrl(baseUrl);
  return check.ok ? new URL(check.url).origin : "";
}

/** The key to send with a request to `baseUrl`: the key only if it was entered for that origin. */
export function keyFor(settings: LlmSettings, baseUrl: string): string {
  if (!settings.apiKey) return "";
  const origin = originOf(baseUrl);
  return origin && origin === settings.keyOrigin ? settings.apiKey : "";
}

export interface KeyChange {
  settings: LlmSettings;
  /** Set when a key was cleared because the base URL moved: the origin it had been entered for. */
  clearedFrom: string | null;
}

/**
 * Apply an edit of the settings and keep the key bound to its origin: a key typed (or changed)
 * is bound to the base URL's origin at that moment (or to the first usable one if the URL is not
 * yet usable); a bound key is cleared when the base URL moves to any other origin.
 */
export function bindKey(before: LlmSettings, after: LlmSettings): KeyChange {
  const origin = originOf(after.baseUrl);
  if (!after.apiKey) return { settings: { ...after, keyOrigin: "" }, clearedFrom: null };
  if (after.apiKey !== before.apiKey || !before.keyOrigin) {
    return { settings: { ...after, keyOrigin: origin }, clearedFrom: null };
  }
  if (origin === before.keyOrigin) return { settings: { ...after, keyOrigin: origin }, clearedFrom: null };
  return { settings: { ...after, apiKey: "", keyOrigin: "" }, clearedFrom: before.keyOrigin };
}

// ---- storage -------------------------------------------------------------------------------

export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export const SETTINGS_KEY = "reading-benchmark-scores:llm-settings";
export const API_KEY_KEY = "reading-benchmark-scores:llm-key";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function safeGet(storage: KeyValueStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function safeSet(storage: KeyValueStorage | null, key: string, value: string): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function safeRemove(storage: KeyValueStorage | null, key: string) {
  try {
    storage?.removeItem(key);
  } catch {
    // nothing to do: the value was not there to leak
  }
}

/** Read settings: the non-secret part from `local`, the key from `session` (or `local` if remembered). */
export function loadSettings(local: KeyValueStorage | null, session: KeyValueStorage | null): LlmSettings {
  const out = defaultSettings();
  const raw = safeGet(local, SETTINGS_KEY);
  if (raw) {
    try {
      const v: unknown = JSON.parse(raw);
      if (isObj(v)) {
        if (v.mode === "builtin" || v.mode === "model") out.mode = v.mode;
        if (typeof v.preset === "string" && presetById(v.preset)) out.preset = v.preset as PresetId;
        if (typeof v.baseUrl === "string") out.baseUrl = v.baseUrl.slice(0, 500);
        if (typeof v.model === "string") out.model = v.model.slice(0, 200);
        if (typeof v.remember === "boolean") out.remember = v.remember;
        if (typeof v.stallSeconds === "number" && v.stallSeconds >= 1 && v.stallSeconds <= 600) {
          out.stallSeconds = Math.round(v.stallSeconds);
        }
        if (typeof v.deadlineSeconds === "number" && v.deadlineSeconds >= 1 && v.deadlineSeconds <= 3600) {
          out.deadlineSeconds = Math.round(v.deadlineSeconds);
        }
        if (typeof v.keyOrigin === "string") out.keyOrigin = v.keyOrigin.slice(0, 300);
      }
    } catch {
      // unreadable settings: the defaults stand
    }
  }
  const key = safeGet(out.remember ? local : session, API_KEY_KEY) ?? "";
  out.apiKey = key.slice(0, 500);
  // A key saved before keys were bound to an origin belongs to the base URL it was saved with.
  if (out.apiKey && !out.keyOrigin) out.keyOrigin = originOf(out.baseUrl);
  return out;
}

/** Save settings; the key goes only where `remember` says, and is removed from the other place. */
export function saveSettings(
  settings: LlmSettings,
  local: KeyValueStorage | null,
  session: KeyValueStorage | null,
): boolean {
  const { apiKey, ...rest } = settings;
  const ok = safeSet(local, SETTINGS_KEY, JSON.stringify(rest));
  const keep = settings.remember ? local : session;
  const drop = settings.remember ? session : local;
  safeRemove(drop, API_KEY_KEY);
  if (apiKey) safeSet(keep, API_KEY_KEY, apiKey);
  else safeRemove(keep, API_KEY_KEY);
  return ok;
}

/** Probe a browser storage once; null if the browser refuses it. */
export function browserStorage(kind: "localStorage" | "sessionStorage"): KeyValueStorage | null {
  try {
    if (typeof window === "undefined") return null;
    const s = window[kind];
    const probe = `${SETTINGS_KEY}:probe`;
    s.setItem(probe, "1");
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}
