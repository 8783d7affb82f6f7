package org.framelens.cli;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.framelens.DocumentScore;
import org.framelens.FramingDevice;
import org.framelens.PhraseSpan;
import org.framelens.SentenceScore;
import org.framelens.TokenAttribution;
import org.framelens.suggest.Suggestion;

/**
 * A self-contained HTML page showing scored articles side by side: loaded phrases highlighted in a fixed colour per
 * device family, a score bar per sentence, hover details in {@code title} attributes, a legend and a summary per
 * article with an inline-SVG chart. No scripts, fonts or network resources; every text is escaped.
 *
 * <p>Every highlighted phrase is a {@code <mark>} with {@code data-start}/{@code data-end}: its offsets in the
 * article text, so {@code article.substring(start, end)} is the phrase.
 */
final class HtmlArticleReport {
    /**
     * One article to show.
     *
     * @param name        shown as the heading (usually the file name)
     * @param text        the article text the score's offsets index
     * @param score       the scored document
     * @param suggestions per sentence of {@code score}, in order, or empty when suggestions were not asked for
     */
    record Article(String name, String text, DocumentScore score, List<List<Suggestion>> suggestions) {
        Article {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(score, "score");
            suggestions = List.copyOf(suggestions);
            if (!suggestions.isEmpty() && suggestions.size() != score.sentences().size()) {
                throw new IllegalArgumentException("one suggestion list per sentence expected");
            }
        }
    }

    /** A highlight colour (light, behind text) and an ink colour (legend border, chart bars) per device family. */
    record Colour(String background, String ink) {
    }

    static final Map<FramingDevice, Colour> PALETTE = new EnumMap<>(Map.of(
            FramingDevice.LOADED_WORDING, new Colour("#ffb4a8", "#d9472b"),
            FramingDevice.NAME_CALLING, new Colour("#ffd591", "#c47d00"),
            FramingDevice.EXAGGERATION, new Colour("#fff27a", "#a89400"),
            FramingDevice.FEAR, new Colour("#d5b8ff", "#7a3fd1"),
            FramingDevice.DOUBT, new Colour("#a8d8ff", "#1f78c1"),
            FramingDevice.FLAG_WAVING, new Colour("#b6eab0", "#3a9a2f"),
            FramingDevice.OVERSIMPLIFICATION, new Colour("#ffbde6", "#c2338f"),
            FramingDevice.IMPUTED_MOTIVE, new Colour("#a9e9e0", "#1a9482")));

    private static final String CSS = """
            *{box-sizing:border-box}
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;\
            padding:1.2em 1.6em;color:#1d1d1f;background:#fff}
            h1{font-size:1.4em;margin:0 0 .2em}h2{font-size:1.1em;margin:0 0 .4em;overflow-wrap:anywhere}
            .meta{color:#555;margin:0 0 .6em}
            .legend{display:flex;flex-wrap:wrap;gap:.4em .9em;margin:0 0 1em;font-size:.9em}
            .key{display:inline-flex;align-items:center;gap:.35em}
            .sw{display:inline-block;width:1.6em;height:.95em;border-radius:3px;border:1px solid}
            .grid{display:grid;gap:1.4em;align-items:start}
            article{border:1px solid #ddd;border-radius:8px;padding:1em 1.1em;min-width:0}
            .summary{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start;margin:0 0 .8em;\
            padding:0 0 .8em;border-bottom:1px solid #eee}
            .summary dl{margin:0;display:grid;grid-template-columns:auto auto;gap:.1em .8em}
            .summary dt{color:#555}.summary dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums}
            .s{display:grid;grid-template-columns:4.6em 1fr;gap:.2em .7em;padding:.25em 0}
            .score{font:12px/1.2 ui-monospace,"DejaVu Sans Mono",monospace;color:#444;padding-top:.35em}
            .bar{position:relative;display:block;height:6px;background:#ececec;border-radius:3px;margin-top:3px}
            .fill{position:absolute;left:0;top:0;bottom:0;border-radius:3px;background:#9a9a9a}
            .loaded .fill{background:#4a4a8c}
            .thr{position:absolute;top:-2px;bottom:-2px;width:2px;background:#222}
            .t{margin:0}.neutral .t{color:#666}
            mark{color:inherit;border-radius:3px;padding:0 1px;cursor:help}
            mark:hover{outline:2px solid #222}
            .sugg{grid-column:2;margin:.1em 0 .3em;padding:0 0 0 1.1em;font-size:.88em;color:#333}
            .sugg del{color:#8a1f11}.sugg ins{color:#1d6b1d;text-decoration:none;font-weight:600}
            .sugg .rw{display:block;color:#666}
            """;

    private HtmlArticleReport() {
    }

    static String render(String title, String modelId, double threshold, List<Article> articles) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title><style>").append(CSS);
        for (FramingDevice d : FramingDevice.values()) {
            Colour c = PALETTE.get(d);
            h.append(".d-").append(d.code()).append("{background:").append(c.background()).append(";border-color:")
                    .append(c.ink()).append("}\n");
        }
        h.append("</style></head><body><header><h1>").append(esc(title)).append("</h1><p class=\"meta\">Model <code>")
                .append(esc(modelId)).append("</code>, a sentence is loaded at P(loaded) &ge; ")
                .append(fmt(threshold)).append(". Hover a highlight for its device, scores and tokens.</p>")
                .append(legend()).append("</header>\n<main class=\"grid\" style=\"grid-template-columns:repeat(")
                .append(Math.max(1, Math.min(articles.size(), 4))).append(",minmax(0,1fr))\">\n");
        for (int i = 0; i < articles.size(); i++) {
            article(h, i, articles.get(i), threshold);
        }
        return h.append("</main></body></html>\n").toString();
    }

    private static String legend() {
        StringBuilder h = new StringBuilder("<div class=\"legend\" aria-label=\"device families\">");
        for (FramingDevice d : FramingDevice.values()) {
            h.append("<span class=\"key\"><span class=\"sw d-").append(d.code()).append("\"></span>")
                    .append(label(d)).append("</span>");
        }
        return h.append("</div>").toString();
    }

    private static void article(StringBuilder h, int index, Article a, double threshold) {
        DocumentScore doc = a.score();
        Map<FramingDevice, Integer> counts = new EnumMap<>(FramingDevice.class);
        int phrases = 0;
        for (SentenceScore s : doc.sentences()) {
            for (PhraseSpan p : s.phrases()) {
                counts.merge(p.device(), 1, Integer::sum);
                phrases++;
            }
        }
        h.append("<article id=\"article-").append(index).append("\" data-name=\"").append(esc(a.name()))
                .append("\"><h2>").append(esc(a.name())).append("</h2><div class=\"summary\"><dl>")
                .append("<dt>document score</dt><dd>").append(fmt(doc.probability())).append("</dd>")
                .append("<dt>loaded sentences</dt><dd>").append(doc.loadedSentences().size()).append(" / ")
                .append(doc.sentences().size()).append(" (")
                .append(String.format(Locale.ROOT, "%.0f%%", 100 * doc.loadedShare())).append(")</dd>")
                .append("<dt>loaded phrases</dt><dd>").append(phrases).append("</dd></dl>")
                .append(chart(counts)).append("</div>\n<div class=\"sentences\">\n");
        for (int i = 0; i < doc.sentences().size(); i++) {
            List<Suggestion> sugg = a.suggestions().isEmpty() ? List.of() : a.suggestions().get(i);
            sentence(h, doc.sentences().get(i), sugg, threshold);
        }
        h.append("</div></article>\n");
    }

    /** Horizontal bars: loaded phrases per device family, all eight families listed. */
    private static String chart(Map<FramingDevice, Integer> counts) {
        int row = 15;
        int labelW = 128;
        int barW = 110;
        FramingDevice[] all = FramingDevice.values();
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" aria-label=\"loaded phrases per device family\" font-size=\"11\" "
                + "font-family=\"sans-serif\">", labelW + barW + 30, row * all.length + 2, labelW + barW + 30,
                row * all.length + 2));
        for (int i = 0; i < all.length; i++) {
            FramingDevice d = all[i];
            int n = counts.getOrDefault(d, 0);
            double w = max == 0 ? 0 : (double) barW * n / max;
            int y = i * row + 1;
            s.append(String.format(Locale.ROOT, "<g><title>%s: %d loaded phrase%s</title>"
                    + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#444\">%s</text>"
                    + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"2\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" fill=\"#222\">%d</text></g>",
                    label(d), n, n == 1 ? "" : "s", labelW - 6, y + 10, label(d), labelW, y + 2, w, row - 5,
                    PALETTE.get(d).ink(), labelW + w + 4, y + 10, n));
        }
        return s.append("</svg>").toString();
    }

    private static void sentence(StringBuilder h, SentenceScore s, List<Suggestion> suggestions, double threshold) {
        String state = s.loaded() ? "loaded" : "neutral";
        h.append("<div class=\"s ").append(state).append("\" data-start=\"").append(s.start())
                .append("\" data-end=\"").append(s.end()).append("\" title=\"")
                .append(esc(String.format(Locale.ROOT, "P(loaded) %.3f: %s%s", s.probability(), state,
                        s.loaded() ? "; most probable device " + label(s.topDevice()) : "")))
                .append("\"><div class=\"score\">").append(fmt(s.probability()))
                .append("<span class=\"bar\"><span class=\"fill\" style=\"width:")
                .append(String.format(Locale.ROOT, "%.1f", 100 * s.probability()))
                .append("%\"></span><span class=\"thr\" style=\"left:")
                .append(String.format(Locale.ROOT, "%.1f", 100 * threshold)).append("%\"></span></span></div>")
                .append("<p class=\"t\">");
        int pos = 0;
        String text = s.text();
        for (PhraseSpan p : s.phrases()) {
            int from = p.start() - s.start();
            int to = p.end() - s.start();
            if (from < pos || to > text.length()) {
                continue;  // never happens for scorer output; guards against hand-made scores
            }
            h.append(esc(text.substring(pos, from)))
                    .append("<mark class=\"ph d-").append(p.device().code()).append("\" data-start=\"")
                    .append(p.start()).append("\" data-end=\"").append(p.end()).append("\" data-device=\"")
                    .append(p.device().code()).append("\" title=\"").append(esc(hover(s, p, suggestions)))
                    .append("\">").append(esc(p.text())).append("</mark>");
            pos = to;
        }
        h.append(esc(text.substring(pos))).append("</p>");
        if (!suggestions.isEmpty()) {
            h.append("<ul class=\"sugg\">");
            for (Suggestion g : suggestions) {
                h.append("<li data-start=\"").append(g.start()).append("\" data-end=\"").append(g.end())
                        .append("\"><del>").append(esc(g.replaced())).append("</del> &rarr; ")
                        .append(g.removal() ? "<ins>(remove)</ins>" : "<ins>" + esc(g.replacement()) + "</ins>")
                        .append(" <span class=\"p\">").append(fmt(s.probability())).append(" &rarr; ")
                        .append(fmt(g.rewrittenProbability())).append("</span><span class=\"rw\">")
                        .append(esc(g.rewrittenSentence())).append("</span></li>");
            }
            h.append("</ul>");
        }
        h.append("</div>\n");
    }

    private static String hover(SentenceScore s, PhraseSpan p, List<Suggestion> suggestions) {
        StringBuilder t = new StringBuilder();
        t.append(label(p.device())).append(" (").append(p.device().code()).append(")\nphrase score ")
                .append(fmt(p.score())).append(", sentence P(loaded) ").append(fmt(s.probability()))
                .append("\ntokens:");
        for (TokenAttribution tok : s.tokens()) {
            if (tok.start() >= p.start() && tok.end() <= p.end()) {
                t.append(' ').append(tok.token()).append(' ').append(fmt(tok.weight())).append(';');
            }
        }
        t.setLength(t.length() - (t.charAt(t.length() - 1) == ';' ? 1 : 0));
        for (Suggestion g : suggestions) {
            if (g.phrase().equals(p)) {
                t.append("\nsuggest: ").append(g.replaced()).append(" \u2192 ")
                        .append(g.removal() ? "(remove)" : g.replacement()).append(" (")
                        .append(fmt(g.rewrittenProbability())).append(')');
            }
        }
        return t.toString();
    }

    static String label(FramingDevice d) {
        return d.code().replace('_', ' ');
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Escapes text for HTML element content and double- or single-quoted attributes. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                default -> {
                    // C0 controls other than tab are not allowed in HTML text
                    if (c < 0x20 && c != '\t') {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
