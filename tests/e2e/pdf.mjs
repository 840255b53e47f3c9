// Printing the print view to PDF with Chromium and reading the PDF back with poppler-utils
// (pdfinfo, pdftotext), for the tests of the printed document.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT } from "./harness.mjs";

/** Prints the page to test-output/print/NAME.pdf with the page sizes the CSS asks for. */
export async function printToPdf(page, name) {
  const folder = join(OUTPUT, "print");
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name}.pdf`);
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  return path;
}

export const run = (command, args) => execFileSync(command, args, { encoding: "utf8" });

/** Page sizes in points, rounded: [[595, 842], …]. */
export function pageSizes(pdf) {
  const info = run("pdfinfo", ["-f", "1", "-l", "999", pdf]);
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
}

/** The text of one page (1-based), as drawn. */
export const pageText = (pdf, page) => run("pdftotext", ["-raw", "-f", `${page}`, "-l", `${page}`, pdf, "-"]);

/** Whitespace collapsed, so that lines wrapped in cells read as the sentence they are. */
export const normalise = (text) => text.normalize("NFC").replace(/\s+/g, " ").trim();
