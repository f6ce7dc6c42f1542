// Serves the built site on 127.0.0.1 for the browser tests and checks that a Chromium exists.
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { serve } from "../../scripts/serve.ts";
import { chromiumPath } from "./browser.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const chrome = chromiumPath();
  if (!existsSync(chrome)) {
    throw new Error(
      `No Chromium at ${chrome}. Install Debian's: sudo apt-get install -y chromium ` +
        "(or set CHROME_PATH to a Chrome/Chromium binary). The browser tests do not skip.",
    );
  }
  const { server, url } = await serve(process.env.DIST ?? "dist");
  project.provide("baseUrl", url);
  return () => new Promise<void>((done) => server.close(() => done()));
}
