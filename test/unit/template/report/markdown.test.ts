import { describe, expect, it } from "vitest";
import { code, link, text } from "../../../../src/template/report/markdown";

describe("text", () => {
  it("renders HTML, comments and the marker's closing as entities", () => {
    expect(text("<!-- hide --> <img src=x onerror=alert(1)>")).toBe(
      "&lt;!-- hide --&gt; &lt;img src=x onerror=alert(1)&gt;",
    );
    expect(text("a &amp; b")).toBe("a &amp;amp; b");
  });

  it("never produces a mention", () => {
    expect(text("ping @octocat and @acme/admins")).toBe("ping @&#8203;octocat and @&#8203;acme/admins");
  });

  it("escapes emphasis, code, links, tables and math, but not underscores inside words", () => {
    expect(text("*bold* `code` [x](y) a|b ~~s~~ ${A} ${B} _em_ UPDATE_FAILED")).toBe(
      "\\*bold\\* \\`code\\` \\[x\\](y) a\\|b \\~\\~s\\~\\~ \\${A} \\${B} \\_em\\_ UPDATE_FAILED",
    );
  });

  it("folds line breaks, or keeps them as <br> for list cells", () => {
    expect(text("a\nb\r\nc")).toBe("a b c");
    expect(text("a\nb", "br")).toBe("a<br>b");
  });
});

describe("code", () => {
  it("uses a fence longer than any backtick run inside, so the value cannot close it", () => {
    expect(code("plain")).toBe("`plain`");
    expect(code("a`b")).toBe("``a`b``");
    expect(code("``x``")).toBe("``` ``x`` ```");
  });

  it("keeps the value in its table cell and on one line", () => {
    expect(code("a|b\nc")).toBe("`a\\|b c`");
    expect(code("")).toBe("");
  });
});

describe("link", () => {
  it("links https URLs only", () => {
    expect(link("site", "https://example.com/a(b)")).toBe("[site](https://example.com/a%28b%29)");
    expect(link("x", "javascript:alert(1)")).toBe("`x (javascript:alert(1))`");
    expect(link("http://plain", "http://plain")).toBe("`http://plain`");
  });

  it("escapes the label", () => {
    expect(link("[evil](https://x) @team", "https://ok.example")).toBe(
      "[\\[evil\\](https://x) @&#8203;team](https://ok.example)",
    );
  });
});
