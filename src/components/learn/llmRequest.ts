// The requests sent to the learner's OpenAI-compatible endpoint: the chat completion (streamed)
// and the model list. The API key goes only into the Authorization header, cookies and the
// referrer never, and nothing is cached.

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface Endpoint {
  baseUrl: string;
  apiKey?: string;
  /** Which preset the learner chose (for preset-specific fixes). */
  preset?: string;
}

/** `path` under the base URL, with any trailing slashes of the base removed. */
export const endpointUrl = (baseUrl: string, path: string) => `${baseUrl.replace(/\/+$/, "")}/${path}`;

function headers(apiKey: string | undefined, accept: string): Record<string, string> {
  const h: Record<string, string> = { Accept: accept };
  if (apiKey) h.Authorization = `Bearer ${apiKey}`;
  return h;
}

const PRIVATE = { credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer" } as const;

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  temperature?: number | undefined;
}

/** The POST asking for a streamed chat completion. */
export function chatRequestInit(
  apiKey: string | undefined,
  chat: ChatRequest,
  signal: AbortSignal,
): RequestInit {
  return {
    method: "POST",
    headers: { ...headers(apiKey, "text/event-stream"), "Content-Type": "application/json" },
    body: JSON.stringify({
      model: chat.model,
      messages: chat.messages,
      stream: true,
      temperature: chat.temperature ?? 0.3,
    }),
    signal,
    ...PRIVATE,
  };
}

/** The GET for the list of models. */
export function modelsRequestInit(apiKey: string | undefined, signal: AbortSignal): RequestInit {
  return { method: "GET", headers: headers(apiKey, "application/json"), signal, ...PRIVATE };
}
