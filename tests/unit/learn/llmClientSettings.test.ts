// The learner's model settings: base URLs checked and tidied, the key kept per session unless
// remembered, garbage and broken storage giving the defaults.
import { describe, expect, it } from "vitest";
import {
  API_KEY_KEY,
  bindKey,
  defaultSettings,
  keyFor,
  type LlmSettings,
  loadSettings,
  normaliseBaseUrl,
  originOf,
  PRESETS,
  SETTINGS_KEY,
  saveSettings,
} from "../../../src/components/learn/llmSettings.ts";

function memory() {
  const m = new Map<string, string>();
  return {
    map: m,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}
const broken = {
  getItem: () => {
    throw new DOMException("denied", "SecurityError");
  },
  setItem: () => {
    throw new DOMException("full", "QuotaExceededError");
  },
  removeItem: () => {
    throw new DOMException("denied", "SecurityError");
  },
};

describe("normaliseBaseUrl", () => {
  it("tidies the usual inputs", () => {
    expect(normaliseBaseUrl("http://localhost:11434/v1/")).toEqual({
      ok: true,
      url: "http://localhost:11434/v1",
    });
    expect(normaliseBaseUrl("localhost:11434")).toEqual({ ok: true, url: "http://localhost:11434/v1" });
    expect(normaliseBaseUrl("https://api.openai.com/v1/chat/completions")).toEqual({
      ok: true,
      url: "https://api.openai.com/v1",
    });
    expect(normaliseBaseUrl(" http://127.0.0.1:8080/v1 ")).toEqual({
      ok: true,
      url: "http://127.0.0.1:8080/v1",
    });
  });

  it("refuses what isn't an http(s) endpoint, and keys in URLs", () => {
    expect(normaliseBaseUrl("").ok).toBe(false);
    expect(normaliseBaseUrl("ftp://x/v1").ok).toBe(false);
    expect(normaliseBaseUrl("javascript:alert(1)").ok).toBe(false);
    const cred = normaliseBaseUrl("http://user:sk-123@host/v1");
    expect(cred.ok).toBe(false);
    expect(!cred.ok && cred.message).toContain("API key field");
    expect(normaliseBaseUrl("http://host/v1?api_key=sk-123").ok).toBe(false);
  });

  it("accepts every preset's base URL", () => {
    for (const p of PRESETS.filter((x) => x.baseUrl))
      expect(normaliseBaseUrl(p.baseUrl)).toEqual({ ok: true, url: p.baseUrl });
  });
});

describe("settings storage", () => {
  it("keeps the key in session storage unless remembered", () => {
    const local = memory();
    const session = memory();
    const s = { ...defaultSettings(), mode: "model" as const, apiKey: "sk-abc", model: "qwen" };
    saveSettings(s, local, session);
    expect(session.map.get(API_KEY_KEY)).toBe("sk-abc");
    expect(local.map.has(API_KEY_KEY)).toBe(false);
    expect(local.map.get(SETTINGS_KEY)).not.toContain("sk-abc");
    expect(loadSettings(local, session)).toMatchObject({ mode: "model", model: "qwen", apiKey: "sk-abc" });
    // A new session (a new tab) has no key.
    expect(loadSettings(local, memory()).apiKey).toBe("");
  });

  it("moves the key to local storage when remembered, and back when not", () => {
    const local = memory();
    const session = memory();
    saveSettings({ ...defaultSettings(), apiKey: "sk-abc", remember: true }, local, session);
    expect(local.map.get(API_KEY_KEY)).toBe("sk-abc");
    expect(session.map.has(API_KEY_KEY)).toBe(false);
    expect(loadSettings(local, memory()).apiKey).toBe("sk-abc");
    saveSettings({ ...defaultSettings(), apiKey: "sk-abc", remember: false }, local, session);
    expect(local.map.has(API_KEY_KEY)).toBe(false);
    expect(session.map.get(API_KEY_KEY)).toBe("sk-abc");
  });

  it("falls back to defaults on garbage and on broken storage", () => {
    const local = memory();
    local.map.set(SETTINGS_KEY, "{not json");
    expect(loadSettings(local, memory())).toEqual(defaultSettings());
    local.map.set(
      SETTINGS_KEY,
      JSON.stringify({ mode: "evil", preset: "nope", stallSeconds: -4, baseUrl: 7 }),
    );
    expect(loadSettings(local, memory())).toEqual(defaultSettings());
    expect(loadSettings(broken, broken)).toEqual(defaultSettings());
    expect(loadSettings(null, null)).toEqual(defaultSettings());
    expect(saveSettings(defaultSettings(), broken, broken)).toBe(false);
  });
});

describe("the API key is bound to the origin it was entered for", () => {
  const openai = PRESETS.find((p) => p.id === "openai")!;
  const withKey = (baseUrl: string, apiKey: string): LlmSettings =>
    bindKey(defaultSettings(), { ...defaultSettings(), baseUrl, apiKey }).settings;

  it("origins as the browser sees them", () => {
    expect(originOf("https://api.openai.com/v1")).toBe("https://api.openai.com");
    expect(originOf("127.0.0.1:1234")).toBe("http://127.0.0.1:1234");
    expect(originOf("http://127.0.0.1:1234/other/v1")).toBe("http://127.0.0.1:1234");
    expect(originOf("")).toBe("");
    expect(originOf("ftp://x")).toBe("");
  });

  it("OpenAI, a key, then Custom with another base URL: the key is cleared, and never sent there", () => {
    const s1 = withKey(openai.baseUrl, "sk-live-1");
    expect(s1.keyOrigin).toBe("https://api.openai.com");
    expect(keyFor(s1, openai.baseUrl)).toBe("sk-live-1");
    // Even before any clearing, a request elsewhere goes without the key.
    expect(keyFor(s1, "http://127.0.0.1:9999/v1")).toBe("");
    // Switching to Custom empties the base URL: the key goes.
    const custom = bindKey(s1, { ...s1, preset: "custom", baseUrl: "" });
    expect(custom.clearedFrom).toBe("https://api.openai.com");
    expect(custom.settings.apiKey).toBe("");
    const typed = bindKey(custom.settings, { ...custom.settings, baseUrl: "http://127.0.0.1:9999/v1" });
    expect(typed.settings.apiKey).toBe("");
    expect(keyFor(typed.settings, "http://127.0.0.1:9999/v1")).toBe("");
  });

  it("moving from one origin to another clears the key; another path on the same origin keeps it", () => {
    const a = withKey("http://127.0.0.1:1111/v1", "sk-a");
    const samePath = bindKey(a, { ...a, baseUrl: "http://127.0.0.1:1111/proxy/v1" });
    expect(samePath.clearedFrom).toBeNull();
    expect(samePath.settings.apiKey).toBe("sk-a");
    const other = bindKey(a, { ...a, baseUrl: "http://127.0.0.1:2222/v1" });
    expect(other.clearedFrom).toBe("http://127.0.0.1:1111");
    expect(other.settings).toMatchObject({ apiKey: "", keyOrigin: "" });
    // A key typed for the new origin is bound to it.
    const retyped = bindKey(other.settings, { ...other.settings, apiKey: "sk-b" });
    expect(retyped.settings.keyOrigin).toBe("http://127.0.0.1:2222");
  });

  it("a key saved with the settings before binding existed belongs to the saved base URL", () => {
    const local = memory();
    const session = memory();
    local.setItem(SETTINGS_KEY, JSON.stringify({ mode: "model", preset: "openai", baseUrl: openai.baseUrl }));
    session.setItem(API_KEY_KEY, "sk-old");
    const s = loadSettings(local, session);
    expect(s.keyOrigin).toBe("https://api.openai.com");
    expect(keyFor(s, "https://evil.example/v1")).toBe("");
    // And the origin (never the key) is saved with the settings.
    saveSettings(s, local, session);
    expect(local.getItem(SETTINGS_KEY)).toContain('"keyOrigin":"https://api.openai.com"');
    expect(local.getItem(SETTINGS_KEY)).not.toContain("sk-old");
  });
});
