// Reading a response body with a ceiling: never megabytes of an error page, never a valid JSON
// body cut short of its end and then parsed.

/** How much of an error body is read (enough for any error message, never megabytes). */
export const ERROR_BODY_LIMIT = 64_000;
/** How much of a non-streamed JSON completion is read. */
export const JSON_BODY_LIMIT = 4_000_000;

export interface Body {
  text: string;
  /** The parsed body, or null when it is not whole valid JSON. */
  json: unknown;
  overLimit: boolean;
}

/** The text of a body, reading no more than just past `limit` characters. Never throws. */
async function readText(res: Response, limit: number): Promise<{ text: string; overLimit: boolean }> {
  let text = "";
  try {
    if (!res.body) return { text: await res.text(), overLimit: false };
    const reader = res.body.getReader();
    const decoder = new TextDecoder("utf-8");
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { text: text + decoder.decode(), overLimit: false };
      text += decoder.decode(value, { stream: true });
      if (text.length > limit) {
        reader.cancel().catch(() => {});
        return { text, overLimit: true };
      }
    }
  } catch {
    // the body itself failed: the status says enough
    return { text, overLimit: false };
  }
}

/**
 * Read a body up to `limit` characters (then stop reading) and parse it as JSON if it is whole.
 * The limit applies before parsing, never by cutting a valid body short of its end.
 */
export async function readBody(res: Response, limit = ERROR_BODY_LIMIT): Promise<Body> {
  const read = await readText(res, limit);
  const overLimit = read.overLimit || read.text.length > limit;
  const text = overLimit ? read.text.slice(0, limit) : read.text;
  let json: unknown = null;
  if (!overLimit) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  return { text, json, overLimit };
}
