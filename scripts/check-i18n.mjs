#!/usr/bin/env node
// Fails when a message key of fr.json (the source) is missing from any locale, when a locale
// has a key fr.json lacks, or when ICU placeholders differ.
import { readFileSync } from "node:fs";
import { parse, TYPE } from "@formatjs/icu-messageformat-parser";

const locales = ["fr", "kab", "zgh", "ar", "en"];
const flat = (o, p = "") =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? flat(v, `${p}${k}.`) : [[`${p}${k}`, String(v)]]));
const load = (l) => new Map(flat(JSON.parse(readFileSync(`messages/${l}.json`, "utf8"))));
/** The argument names of an ICU message (plural/select branches walked; their text is not a name). */
const argumentNames = (elements, names = new Set()) => {
  for (const element of elements) {
    if ("value" in element && element.type !== TYPE.literal && element.type !== TYPE.pound) names.add(element.value);
    if (element.options) for (const option of Object.values(element.options)) argumentNames(option.value, names);
    if (element.children) argumentNames(element.children, names);
  }
  return names;
};
const placeholders = (s) => {
  try {
    return [...argumentNames(parse(s, { ignoreTag: true }))].sort().join(",");
  } catch {
    // Not ICU (a text read with t.raw(), e.g. showing JSON braces): compare the braces' words.
    return `raw:${[...s.matchAll(/\{(\w+)/g)]
      .map((m) => m[1])
      .sort()
      .join(",")}`;
  }
};

const source = load("fr");
let problems = 0;
for (const locale of locales.slice(1)) {
  const messages = load(locale);
  for (const [key, value] of source) {
    if (!messages.has(key)) {
      console.error(`${locale}: missing ${key}`);
      problems++;
    } else if (placeholders(messages.get(key)) !== placeholders(value)) {
      console.error(`${locale}: placeholders differ in ${key}`);
      problems++;
    } else if (!messages.get(key).trim()) {
      console.error(`${locale}: empty ${key}`);
      problems++;
    }
  }
  for (const key of messages.keys())
    if (!source.has(key)) {
      console.error(`${locale}: extra key ${key}`);
      problems++;
    }
}
if (problems) {
  console.error(`i18n: ${problems} problem(s)`);
  process.exit(1);
}
console.log(`i18n: ${source.size} keys present in ${locales.join(", ")}`);
