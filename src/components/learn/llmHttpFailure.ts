// A request to the learner's model that failed before any answer: no response at all (nothing
// listening, the origin refused by CORS, mixed content), or an HTTP error status with perhaps a
// JSON error body. Each becomes a message the learner can act on, with the server's own words.
import { readBody } from "./llmBody.js";
import { clip, type LlmFailure } from "./llmFailure.js";
import { errorMessage } from "./sse.js";

function isLocalHost(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host.endsWith(".localhost");
  } catch {
    return false;
  }
}

/** The server-specific advice for an unreachable endpoint: a sentence and perhaps a command. */
function serverAdvice(
  url: string,
  site: string,
  preset?: string,
  origin?: string,
): { how: string; fix?: string } {
  if (preset === "ollama" || /:11434\b/.test(url)) {
    if (origin && isLocalHost(origin)) {
      // Ollama accepts pages from localhost and 127.0.0.1 on any port: it is most likely not running.
      return {
        fix: "ollama serve",
        how: " Ollama accepts pages served from this machine by default, so it is most likely not running: start it (the app, or the command below).",
      };
    }
    return {
      fix: `OLLAMA_ORIGINS="${site}" ollama serve`,
      how:
        ' Ollama refuses pages from other origins unless they are listed in OLLAMA_ORIGINS: stop Ollama and start it with the command below. On macOS run launchctl setenv OLLAMA_ORIGINS "' +
        site +
        '" and restart the app; on Windows, add OLLAMA_ORIGINS to the environment variables and restart Ollama.',
    };
  }
  if (preset === "lmstudio" || /:1234\b/.test(url)) {
    return {
      how: " In LM Studio, open the Developer tab and switch on “Enable CORS”, then make sure the server is running.",
    };
  }
  if (preset === "vllm") {
    return {
      fix: `vllm serve <model> --allowed-origins '["${site}"]'`,
      how: " vLLM must allow this page's origin:",
    };
  }
  return { how: "" };
}

/** The failure for a request that never got a response (server down, wrong address, CORS, mixed content). */
export function unreachable(
  url: string,
  { preset, origin }: { preset?: string | undefined; origin?: string | undefined },
): LlmFailure {
  const site = origin ?? "this site's address";
  const mixed = origin?.startsWith("https:") && url.startsWith("http:") && !isLocalHost(url);
  const { how, fix } = serverAdvice(url, site, preset, origin);
  return {
    kind: "unreachable",
    title: `Could not reach ${url}.`,
    message:
      "Either nothing is listening there (is the server running, and is the address right?), or the server " +
      "refused this page's origin (a browser security rule called CORS)." +
      (mixed
        ? " This page is served over https, and browsers block requests from it to plain http addresses other than localhost."
        : "") +
      how,
    ...(fix ? { fix } : {}),
  };
}

/** A 404: the model is unknown when the server says so, else the address is wrong. */
function notFound(said: string | null, theySaid: string, url: string, model?: string): LlmFailure {
  if (said !== null && /model/i.test(said)) {
    return {
      kind: "not-found",
      status: 404,
      title: `The endpoint has no model called “${model ?? ""}” (404).`,
      message: `Use “Test connection” to list the models it serves, and pick one (with Ollama, \`ollama pull <name>\` first).${theySaid}`,
    };
  }
  return {
    kind: "not-found",
    status: 404,
    title: `Nothing answered at ${url} (404).`,
    message: `Check the base URL: OpenAI-compatible servers usually expect it to end in /v1.${theySaid}`,
  };
}

/** The failure for an HTTP error `status`; `said` is the server's message, `retry` its Retry-After. */
export function httpFailure(
  status: number,
  said: string | null,
  { url, model, retry }: { url: string; model?: string | undefined; retry?: string | null },
): LlmFailure {
  const theySaid = said ? ` The server said: “${clip(said)}”` : "";
  if (status === 401 || status === 403) {
    return {
      kind: "auth",
      status,
      title: `The endpoint refused the request (${status} ${status === 401 ? "Unauthorized" : "Forbidden"}).`,
      message: `Check the API key in the settings: it may be missing, mistyped, expired or without access to this model.${theySaid}`,
    };
  }
  if (status === 404) return notFound(said, theySaid, url, model);
  if (status === 429) {
    return {
      kind: "rate-limit",
      status,
      title: "Too many requests (429).",
      message: `The endpoint is rate-limiting you or the account is out of quota.${retry ? ` It asks you to wait ${clip(retry, 20)} s before retrying.` : " Wait a little and retry."}${theySaid}`,
    };
  }
  if (status >= 500) {
    return {
      kind: "server",
      status,
      title: `The model server failed (${status}).`,
      message: `This is a problem on the server's side (it may be loading the model, out of memory, or crashed). Retry in a moment, or check its log.${theySaid}`,
    };
  }
  return {
    kind: "bad-request",
    status,
    title: `The endpoint rejected the request (${status}).`,
    message: `It may not accept this model name or these parameters.${theySaid}`,
  };
}

/** Turn a non-OK HTTP response into a failure the learner can act on. */
export async function classifyResponse(res: Response, url: string, model?: string): Promise<LlmFailure> {
  const { text, json } = await readBody(res);
  // A web page (an HTML error page) says nothing worth quoting.
  const said = errorMessage(json) ?? (/^\s*</.test(text) ? null : text.trim() || null);
  return httpFailure(res.status, said, { url, model, retry: res.headers.get("retry-after") });
}
