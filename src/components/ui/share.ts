// "Share": a link that reopens a figure in its current state, and the iframe code that embeds it
// alone (?embed=<id>) in an LMS page or a slide tool. Copying uses the clipboard where the browser
// allows it, and otherwise selects the text so Ctrl+C / ⌘C copies it.

export const SITE_NAME = "Reading Benchmark Scores";

const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The HTML an LMS or slide tool takes to embed a figure. */
export function iframeCode(src: string, title: string, height: number): string {
  const h = Math.max(320, Math.min(2000, Math.round(Number.isFinite(height) ? height : 640)));
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="${h}" style="border:0; max-width:100%" loading="lazy"></iframe>`;
}

export type CopyOutcome = "clipboard" | "command" | "selected";

/**
 * Copy `text`. The clipboard API first; if the browser refuses (no permission, an insecure
 * origin, an iframe without clipboard-write), select the text in `field` and try the legacy copy
 * command; if that fails too, the text stays selected for the reader to copy.
 */
export async function copyText(
  text: string,
  field?: HTMLInputElement | HTMLTextAreaElement,
): Promise<CopyOutcome> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return "clipboard";
    }
  } catch {
    // Fall through to selecting the text.
  }
  if (field) {
    field.focus();
    field.select();
    field.setSelectionRange(0, field.value.length);
    try {
      if (document.execCommand?.("copy")) return "command";
    } catch {
      // Selected is the best we can do.
    }
  }
  return "selected";
}

export interface ShareOptions {
  id: string;
  title: string;
  /** The link to this figure as it is set now. */
  link(): string;
  /** The same, for an iframe (?embed=<id>). */
  embedLink(): string;
  /** The height the iframe should have, in CSS px. */
  height(): number;
}

export interface SharePanel {
  button: HTMLButtonElement;
  panel: HTMLElement;
  /** Bring the fields up to date with the figure's current state (call after a change). */
  refresh(): void;
}

let uid = 0;

/** The "Share" button and the panel it opens. */
export function sharePanel(o: ShareOptions): SharePanel {
  const n = ++uid;
  const panel = document.createElement("div");
  panel.className = "explorable-share";
  panel.id = `share-${o.id}-${n}`;
  panel.hidden = true;
  panel.setAttribute("role", "group");
  panel.setAttribute("aria-label", `Share ${o.title}`);

  const button = document.createElement("button");
  button.type = "button";
  button.className = "explorable-tool";
  button.dataset.action = "share";
  button.textContent = "Share";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", panel.id);

  const status = document.createElement("p");
  status.className = "share-status";
  status.setAttribute("role", "status");

  const field = (kind: "link" | "embed", label: string, copyLabel: string) => {
    const id = `share-${o.id}-${kind}-${n}`;
    const lab = document.createElement("label");
    lab.htmlFor = id;
    lab.textContent = label;
    const input = kind === "link" ? document.createElement("input") : document.createElement("textarea");
    input.id = id;
    input.readOnly = true;
    input.dataset.share = kind;
    input.spellcheck = false;
    if (input instanceof HTMLInputElement) input.type = "text";
    else input.rows = 3;
    input.addEventListener("focus", () => input.select());
    const copy = document.createElement("button");
    copy.type = "button";
    copy.className = "explorable-tool";
    copy.dataset.action = `copy-${kind}`;
    copy.textContent = copyLabel;
    copy.addEventListener("click", async () => {
      refresh();
      const outcome = await copyText(input.value, input);
      status.textContent =
        outcome === "selected"
          ? "Your browser blocked copying: the text is selected — press Ctrl+C (⌘C on a Mac)."
          : kind === "link"
            ? "Link copied. It reopens this figure with these settings."
            : "Embed code copied. Paste it into an HTML block of your LMS page or slide.";
    });
    const row = document.createElement("div");
    row.className = "share-row";
    row.append(input, copy);
    panel.append(lab, row);
    return input;
  };
  const linkField = field("link", "Link to this figure, with its current settings", "Copy link");
  const embedField = field(
    "embed",
    "Embed code: the figure alone, with its controls, in an iframe",
    "Copy embed code",
  );
  panel.append(status);

  function refresh() {
    linkField.value = o.link();
    embedField.value = iframeCode(o.embedLink(), o.title, o.height());
  }

  button.addEventListener("click", () => {
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    status.textContent = "";
    if (open) {
      refresh();
      linkField.focus();
    }
  });
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !document.documentElement.classList.contains("presenting")) {
      panel.hidden = true;
      button.setAttribute("aria-expanded", "false");
      button.focus();
    }
  });
  return {
    button,
    panel,
    refresh() {
      if (!panel.hidden) refresh();
    },
  };
}
