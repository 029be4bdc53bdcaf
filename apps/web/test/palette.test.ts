import { readFileSync } from "node:fs";
import postcss from "postcss";
import { describe, expect, it } from "vitest";
import { type PaletteColour, palette, tokenName } from "../src/styles/palette";

const tokensCss = readFileSync(new URL("../src/styles/tokens.css", import.meta.url), "utf8");
const tokens = new Map<string, string>();
postcss.parse(tokensCss).walkDecls((decl) => {
  if (decl.prop.startsWith("--")) tokens.set(decl.prop, decl.value.trim().toLowerCase());
});

describe("the palette for charts", () => {
  it("spells each key as the token it mirrors", () => {
    expect(tokenName("inkMuted")).toBe("--color-ink-muted");
    expect(tokenName("chartAccentSoft")).toBe("--color-chart-accent-soft");
    expect(tokenName("series3")).toBe("--color-series-3");
  });

  it("holds the same value as tokens.css for every entry", () => {
    const drift = (Object.keys(palette) as PaletteColour[])
      .map((key) => ({ key, token: tokenName(key), css: tokens.get(tokenName(key)), value: palette[key] }))
      .filter((entry) => entry.css !== entry.value.toLowerCase());
    expect(drift).toEqual([]);
  });
});
