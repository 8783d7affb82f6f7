package org.framelens.cli;

import java.util.List;
import java.util.Locale;
import org.framelens.eval.BinaryMetrics;
import org.framelens.eval.Evaluation;
import org.framelens.eval.PrecisionRecallPoint;
import org.framelens.eval.ReliabilityBin;

/** A self-contained HTML page (inline SVG, no scripts or fonts) for an evaluation. */
final class HtmlEvaluationReport {
    private static final int SIZE = 320;
    private static final int PAD = 40;

    private HtmlEvaluationReport() {
    }

    static String render(Evaluation e) {
        BinaryMetrics m = e.sentences();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>FrameLens evaluation</title>")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}th{background:#f4f4f4}")
                .append("figure{display:inline-block;margin:1em}</style></head><body>")
                .append("<h1>FrameLens evaluation</h1><p>Model <code>").append(esc(e.modelId()))
                .append("</code> on <code>").append(esc(e.data())).append("</code></p><table><tr>");
        String[] names = {"n", "loaded", "threshold", "precision", "recall", "F1", "macro-F1", "accuracy", "MCC",
            "ROC-AUC", "PR-AUC", "ECE"};
        for (String n : names) {
            h.append("<th>").append(n).append("</th>");
        }
        h.append("</tr><tr>");
        double[] v = {m.total(), m.positives(), m.threshold(), m.precision(), m.recall(), m.f1(), m.macroF1(),
            m.accuracy(), m.mcc(), m.rocAuc(), m.prAuc(), m.ece()};
        for (int i = 0; i < v.length; i++) {
            h.append("<td>").append(i < 2 ? String.valueOf((long) v[i]) : fmt(v[i])).append("</td>");
        }
        h.append("</tr></table><p>").append(esc(EvalCommand.describe(e.intervals())))
                .append("</p><h2>Confusion matrix</h2><table><tr><th></th><th>predicted loaded</th>")
                .append("<th>predicted neutral</th></tr><tr><th>gold loaded</th><td>").append(m.tp())
                .append("</td><td>").append(m.fn()).append("</td></tr><tr><th>gold neutral</th><td>").append(m.fp())
                .append("</td><td>").append(m.tn()).append("</td></tr></table>");
        e.tokens().ifPresent(t -> h.append("<h2>Token level</h2><p>precision ").append(fmt(t.precision()))
                .append(", recall ").append(fmt(t.recall())).append(", F1 ").append(fmt(t.f1())).append("</p>"));
        h.append(prCurve(e.prCurve())).append(reliability(e.reliability()));
        if (!e.perTopic().isEmpty()) {
            h.append("<h2>Per topic</h2><table><tr><th>topic</th><th>n</th><th>F1</th><th>macro-F1</th></tr>");
            new java.util.TreeMap<>(e.perTopic()).forEach((topic, t) -> h.append("<tr><td>").append(esc(topic))
                    .append("</td><td>").append(t.total()).append("</td><td>").append(fmt(t.f1())).append("</td><td>")
                    .append(fmt(t.macroF1())).append("</td></tr>"));
            h.append("</table>");
        }
        return h.append("</body></html>\n").toString();
    }

    private static String prCurve(List<PrecisionRecallPoint> points) {
        StringBuilder path = new StringBuilder();
        for (PrecisionRecallPoint p : points) {
            path.append(path.length() == 0 ? "M" : " L").append(x(p.recall())).append(',').append(y(p.precision()));
        }
        return figure("Precision-recall curve", "recall", "precision",
                "<path d=\"" + path + "\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\"/>");
    }

    private static String reliability(List<ReliabilityBin> bins) {
        StringBuilder s = new StringBuilder("<line x1=\"" + x(0) + "\" y1=\"" + y(0) + "\" x2=\"" + x(1) + "\" y2=\""
                + y(1) + "\" stroke=\"#999\" stroke-dasharray=\"4\"/>");
        for (ReliabilityBin b : bins) {
            if (b.count() == 0) {
                continue;
            }
            double top = y(b.positiveRate());
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    + "fill=\"#2980b9\" opacity=\"0.7\"><title>%d sentences, mean p %.2f, loaded %.2f</title></rect>",
                    x(b.lower()) + 1, top, x(b.upper()) - x(b.lower()) - 2, y(0) - top, b.count(), b.meanProb(),
                    b.positiveRate()));
        }
        return figure("Reliability diagram", "predicted probability", "observed share loaded", s.toString());
    }

    private static String figure(String title, String xLabel, String yLabel, String body) {
        int w = SIZE + 2 * PAD;
        return "<figure><figcaption>" + title + "</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w
                + "\" height=\"" + w + "\"><rect x=\"" + PAD + "\" y=\"" + PAD + "\" width=\"" + SIZE + "\" height=\""
                + SIZE + "\" fill=\"none\" stroke=\"#333\"/>" + body
                + "<text x=\"" + (PAD + SIZE / 2) + "\" y=\"" + (w - 8) + "\" text-anchor=\"middle\">" + xLabel
                + "</text><text x=\"12\" y=\"" + (PAD + SIZE / 2) + "\" transform=\"rotate(-90 12 "
                + (PAD + SIZE / 2) + ")\" text-anchor=\"middle\">" + yLabel + "</text>"
                + "<text x=\"" + PAD + "\" y=\"" + (PAD + SIZE + 14) + "\">0</text><text x=\"" + (PAD + SIZE - 8)
                + "\" y=\"" + (PAD + SIZE + 14) + "\">1</text></svg></figure>";
    }

    private static double x(double v) {
        return PAD + v * SIZE;
    }

    private static double y(double v) {
        return PAD + (1 - v) * SIZE;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
