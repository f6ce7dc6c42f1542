// The learner's model settings: base URLs checked and tidied, the key kept per session unless
// remembered, garbage and broken storage giving the defaults.
import { describe, expect, it } from "vitest";
import {
  API_KEY_KEY,
  defaultSettings,
  loadSettings,
  normaliseBaseUrl,
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
