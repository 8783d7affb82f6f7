package org.framelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.framelens.DocumentScore;
import org.framelens.FrameLens;
import org.framelens.FramingScorer;
import org.framelens.PhraseSpan;
import org.framelens.SentenceScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    static final Pattern MARK = Pattern.compile(
            "<mark class=\"ph d-([a-z_]+)\" data-start=\"(\\d+)\" data-end=\"(\\d+)\" data-device=\"([a-z_]+)\" "
                    + "title=\"([^\"]*)\">([^<]*)</mark>");
    static FramingScorer scorer;

    @BeforeAll
    static void load() {
        scorer = FrameLens.loadDefault();
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#10;", "\n").replace("&#13;", "\r").replace("&amp;", "&");
    }

    @Test
    void seedReportHighlightsEveryPhraseAtItsOffsets(@TempDir Path dir) throws Exception {
        String article = Files.readString(CliTest.SEED, StandardCharsets.UTF_8);
        Path out = dir.resolve("sub/report.html");
        CliTest.Result r = CliTest.run("report", CliTest.SEED.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 article"), r.out());
        String html = Files.readString(out, StandardCharsets.UTF_8);

        List<PhraseSpan> expected = new ArrayList<>();
        DocumentScore doc = scorer.scoreDocument(article);
        doc.sentences().forEach(s -> expected.addAll(s.phrases()));
        assertFalse(expected.isEmpty());

        List<PhraseSpan> shown = new ArrayList<>();
        Matcher m = MARK.matcher(html);
        while (m.find()) {
            int start = Integer.parseInt(m.group(2));
            int end = Integer.parseInt(m.group(3));
            String text = unescape(m.group(6));
            assertEquals(article.substring(start, end), text, "data-start/data-end slice the article");
            assertEquals(m.group(1), m.group(4));
            assertTrue(unescape(m.group(5)).contains("tokens: "), "hover lists token scores: " + m.group(5));
            shown.add(new PhraseSpan(start, end, text, 0, org.framelens.FramingDevice.fromCode(m.group(4))));
        }
        assertEquals(expected.size(), shown.size(), "one <mark> per loaded phrase");
        for (int i = 0; i < expected.size(); i++) {
            PhraseSpan e = expected.get(i);
            PhraseSpan s = shown.get(i);
            assertEquals(List.of(e.start(), e.end(), e.text(), e.device()),
                    List.of(s.start(), s.end(), s.text(), s.device()));
        }
        for (SentenceScore s : doc.sentences()) {
            assertTrue(html.contains("data-start=\"" + s.start() + "\" data-end=\"" + s.end() + "\""));
        }
        assertTrue(html.contains("<svg class=\"chart\""), "device-family chart");
        assertTrue(html.contains("class=\"legend\""));
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "%.2f", doc.probability())));
        assertFalse(html.contains("<script") || html.contains("http://") || html.contains("https://")
                || html.contains("@import") || html.contains("url("), "self-contained, no network");
    }

    @Test
    void textIsEscaped(@TempDir Path dir) throws Exception {
        String evil = "<script>alert('x')</script> The regime's \"so-called\" reform & its <img src=x onerror=alert(1)>"
                + " thugs slammed the </mark><b>critics</b>.\nA second line with \u0001 a control.";
        Path article = dir.resolve("<i>evil&\"name'.txt");
        Files.writeString(article, evil, StandardCharsets.UTF_8);
        Path out = dir.resolve("report.html");
        CliTest.Result r = CliTest.run("report", "--suggest", "--title", "<h1>t</h1>", article.toString(),
                "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out, StandardCharsets.UTF_8);
        for (String bad : new String[] {"<script", "<img", "<b>", "<i>", "</mark><b>", "<h1>t</h1>", "onerror=alert"
                + "(1)>", "\u0001"}) {
            assertFalse(html.contains(bad), "unescaped " + bad);
        }
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;i&gt;evil&amp;&quot;name&#39;.txt"));
        Matcher m = MARK.matcher(html);
        int marks = 0;
        while (m.find()) {
            marks++;
            assertEquals(evil.substring(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
                    unescape(m.group(6)));
        }
        assertTrue(marks > 0, "the loaded sentence is highlighted");
        // every tag in the page is one the renderer writes
        Matcher tags = Pattern.compile("<(/?)([a-zA-Z0-9!]+)").matcher(html);
        List<String> allowed = List.of("!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1",
                "h2", "p", "code", "div", "span", "main", "article", "dl", "dt", "dd", "svg", "g", "text", "rect",
                "mark", "ul", "li", "del", "ins");
        while (tags.find()) {
            assertTrue(allowed.contains(tags.group(2)), "unexpected tag " + tags.group());
        }
    }

    @Test
    void severalArticlesSideBySide(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("council.txt");
        Files.writeString(other, "The council approved the budget on Tuesday, officials said.\n"
                + "Critics slammed the draconian plan as a shameful power grab.");
        Path out = dir.resolve("two.html");
        CliTest.Result r = CliTest.run("report", "--threshold", "0.5", CliTest.SEED.toString(), other.toString(),
                "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out);
        assertTrue(html.contains("grid-template-columns:repeat(2,minmax(0,1fr))"), "two columns");
        assertTrue(html.contains("id=\"article-0\"") && html.contains("id=\"article-1\""));
        assertTrue(html.contains(">council.txt</h2>"));
        assertTrue(html.contains("P(loaded) &ge; 0.50"));
    }

    @Test
    void usageAndInputErrors(@TempDir Path dir) {
        assertEquals(2, CliTest.run("report", CliTest.SEED.toString()).code(), "-o is required");
        assertEquals(2, CliTest.run("report", "-o", dir.resolve("r.html").toString()).code(), "an article is required");
        assertEquals(2, CliTest.run("report", "--threshold", "0", CliTest.SEED.toString(), "-o",
                dir.resolve("r.html").toString()).code());
        CliTest.Result missing = CliTest.run("report", dir.resolve("none.txt").toString(), "-o",
                dir.resolve("r.html").toString());
        assertEquals(1, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertFalse(Files.exists(dir.resolve("r.html")), "nothing written on failure");
    }
}
