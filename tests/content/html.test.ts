import { describe, expect, it } from "vitest";
import { EMBED_HOSTS, renderBody, sanitiseEmbed } from "../../src/content/html.ts";

function render(source: string) {
  const dropped: string[] = [];
  const html = renderBody(source, (url, reason) => dropped.push(`${url} → ${reason}`));
  return { html, dropped };
}

describe("renderBody: Markdown and HTML bodies through an allow-list", () => {
  it("renders Markdown", () => {
    expect(render("Ferry **night** sailings, [details](https://harbourtimes.example/ferry).").html).toBe(
      '<p>Ferry <strong>night</strong> sailings, <a href="https://harbourtimes.example/ferry" rel="nofollow noopener">details</a>.</p>',
    );
  });

  it("keeps allowed HTML", () => {
    expect(render("<p>Ferry <em>night</em> sailings</p>").html).toBe("<p>Ferry <em>night</em> sailings</p>");
  });

  it("moves a body's h1 below the page's own", () => {
    expect(render("# Timetable").html).toBe("<h2>Timetable</h2>");
  });

  it("removes scripts with their content", () => {
    expect(render('<p>a</p><script>alert("x")</script><p>b</p>').html).toBe("<p>a</p><p>b</p>");
  });

  it("removes event handlers", () => {
    expect(render('<p onclick="alert(1)">a</p><img src="https://i.example/a.png" onerror="alert(2)">').html).toBe('<p>a</p><img src="https://i.example/a.png" />');
  });

  it("removes style elements and attributes, so nothing loads from CSS", () => {
    const { html } = render('<style>body { background: url(https://track.example/x) }</style><p style="background:url(https://track.example/y)">a</p>');
    expect(html).toBe("<p>a</p>");
  });

  it("removes stylesheets, base, meta refresh, forms, objects and embeds", () => {
    const { html } = render(
      '<link rel="stylesheet" href="https://e.example/s.css"><base href="https://e.example/"><meta http-equiv="refresh" content="0;url=https://e.example/"><form action="https://e.example/"><input name="q"><button formaction="javascript:alert(1)">Go</button></form><object data="x.swf"></object><embed src="x.swf">',
    );
    expect(html).not.toMatch(/<(link|base|meta|form|input|button|object|embed)\b/);
    expect(html).not.toContain("javascript:");
  });

  it("removes script hidden in SVG and MathML", () => {
    const { html } = render('<svg><script>alert(1)</script><a xlink:href="javascript:alert(2)">x</a></svg><math><mi xlink:href="javascript:alert(3)">y</mi></math>');
    expect(html).not.toMatch(/<(svg|math|script|mi)\b/);
    expect(html).not.toContain("alert");
  });

  it("keeps a video player from an allowed host, without its handlers or srcdoc", () => {
    const { html, dropped } = render('<iframe src="https://www.youtube.com/embed/abc" onload="alert(1)" srcdoc="<script>alert(2)</script>" style="position:fixed"></iframe>');
    expect(html).toBe('<iframe src="https://www.youtube.com/embed/abc"></iframe>');
    expect(dropped).toEqual([]);
  });

  it("drops frames from any other host, with a warning", () => {
    const { html, dropped } = render('<iframe src="https://evil.example/embed"></iframe><iframe src="https://www.youtube.com.evil.example/"></iframe>');
    expect(html).toBe("");
    expect(dropped).toEqual([
      `https://evil.example/embed → frames are kept only for video players from ${EMBED_HOSTS.join(", ")}`,
      `https://www.youtube.com.evil.example/ → frames are kept only for video players from ${EMBED_HOSTS.join(", ")}`,
    ]);
  });

  it("drops a frame of a javascript: URL", () => {
    const { html, dropped } = render('<iframe src="javascript:alert(1)"></iframe>');
    expect(html).toBe("");
    expect(dropped).toEqual(["javascript:alert(1) → the javascript: scheme is not allowed"]);
  });

  it("drops javascript:, data: and vbscript: links in Markdown with a warning and keeps their text", () => {
    const { html, dropped } = render("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](<vbscript:msgbox>) ![d](data:image/png;base64,AAAA)");
    expect(html).toBe('<p><a rel="nofollow noopener">a</a> <a rel="nofollow noopener">b</a> <a rel="nofollow noopener">c</a> </p>');
    expect(dropped).toEqual([
      "javascript:alert(1) → the javascript: scheme is not allowed",
      "JaVaScRiPt:alert(2) → the javascript: scheme is not allowed",
      "vbscript:msgbox → the vbscript: scheme is not allowed",
      "data:image/png;base64,AAAA → the data: scheme is not allowed",
    ]);
  });

  it("drops disguised javascript: links in HTML", () => {
    const { html, dropped } = render('<a href=" javascript:alert(1)">a</a><a href="jav&#x09;ascript:alert(2)">b</a><a href="&#106;avascript:alert(3)">c</a>');
    expect(html).toBe('<p><a rel="nofollow noopener">a</a><a rel="nofollow noopener">b</a><a rel="nofollow noopener">c</a></p>');
    expect(dropped).toHaveLength(3);
  });

  it("keeps site-relative links and drops page-relative ones", () => {
    const { html, dropped } = render("[about](/about/) [other](other.html)");
    expect(html).toBe('<p><a href="/about/" rel="nofollow noopener">about</a> <a rel="nofollow noopener">other</a></p>');
    expect(dropped).toEqual(["other.html → only http, https, mailto and site-relative (/…) URLs are allowed"]);
  });

  it("shows template syntax as text", () => {
    expect(render("Fares {{ 7*7 }} {% include 'x' %}").html).toBe("<p>Fares {{ 7*7 }} {% include 'x' %}</p>");
  });
});

describe("sanitiseEmbed: featuredContent", () => {
  it("keeps a player from an allowed host", () => {
    expect(sanitiseEmbed('<iframe src="https://player.vimeo.com/video/1" width="640" height="360" allowfullscreen></iframe>')).toBe(
      '<iframe src="https://player.vimeo.com/video/1" width="640" height="360" allowfullscreen></iframe>',
    );
  });

  it("keeps nothing else", () => {
    expect(sanitiseEmbed('<p>text</p><script>alert(1)</script><iframe src="https://evil.example/"></iframe><iframe src="http://www.youtube.com/embed/x"></iframe><img src="https://i.example/a.png">')).toBe("text");
  });
});
