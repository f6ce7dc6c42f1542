// The pure parts of export, share and present mode: caption wrapping, file names, iframe code,
// and the zoom that scales a presented figure to the screen.
import { describe, expect, it } from "vitest";
import { fileName, wrapText } from "../../../src/components/ui/exportFigure.ts";
import { presentZoom } from "../../../src/components/ui/present.ts";
import { iframeCode } from "../../../src/components/ui/share.ts";

const mono = (s: string) => 7 * s.length; // a monospace measure: 7 px per character

describe("wrapText", () => {
  it("wraps at word boundaries within the width", () => {
    const lines = wrapText("Settings: N = 1,319 · Accuracy (p): 80% · Confidence: 95%", 150, mono);
    expect(lines).toEqual(["Settings: N = 1,319 ·", "Accuracy (p): 80% ·", "Confidence: 95%"]);
    for (const line of lines) expect(mono(line)).toBeLessThanOrEqual(150);
  });

  it("breaks a word longer than the line (a long URL) instead of overflowing", () => {
    const url = `http://example.org/lessons/3?${"ci-width.n=1319&".repeat(8)}`;
    const lines = wrapText(`Reading Benchmark Scores · ${url}`, 210, mono);
    for (const line of lines) expect(mono(line)).toBeLessThanOrEqual(210);
    expect(lines.join("").replace(/\s/g, "")).toBe(`ReadingBenchmarkScores·${url}`);
  });

  it("keeps nothing for empty text", () => {
    expect(wrapText("   ", 100, mono)).toEqual([]);
  });
});

describe("fileName", () => {
  it("names files after the figure id, PNGs marked 2×", () => {
    expect(fileName("ci-width", "svg")).toBe("ci-width.svg");
    expect(fileName("ci-width", "png")).toBe("ci-width@2x.png");
    expect(fileName("../../etc/passwd", "svg")).toBe("etc-passwd.svg");
    expect(fileName("", "png")).toBe("figure@2x.png");
  });
});

describe("iframeCode", () => {
  it("escapes the URL and title and bounds the height", () => {
    const code = iframeCode('https://x.org/l?embed=a&b="c"', 'A <b>"title"</b>', 99_999);
    expect(code).toBe(
      '<iframe src="https://x.org/l?embed=a&amp;b=&quot;c&quot;" title="A &lt;b&gt;&quot;title&quot;&lt;/b&gt;" width="100%" height="2000" style="border:0; max-width:100%" loading="lazy"></iframe>',
    );
    expect(iframeCode("u", "t", Number.NaN)).toContain('height="640"');
    expect(iframeCode("u", "t", 10)).toContain('height="320"');
  });
});

describe("presentZoom", () => {
  it("scales a 1060 × 600 layout to fill the screen", () => {
    expect(presentZoom(1920, 1080)).toBe(1.8);
    expect(presentZoom(1280, 720)).toBe(1.2);
    expect(presentZoom(3840, 2160)).toBe(3);
    // Never shrinks below the page's own size.
    expect(presentZoom(800, 600)).toBe(1);
    // A 4:3 projector is limited by its width.
    expect(presentZoom(1024, 768)).toBe(1);
    expect(presentZoom(1600, 1200)).toBe(1.51);
  });
});
