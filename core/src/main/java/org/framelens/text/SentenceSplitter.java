package org.framelens.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.util.Span;
import org.framelens.FrameLensException;

/**
 * Splits a document into sentence spans. Every line break ends a sentence (news text usually comes one paragraph
 * per line, and headlines carry no final period); within a line OpenNLP's English sentence detector decides.
 * Thread-safe.
 */
public final class SentenceSplitter {
    private static final String RESOURCE = "/en-sent.bin";

    private final ThreadSafeSentenceDetectorME detector;

    private SentenceSplitter(ThreadSafeSentenceDetectorME detector) {
        this.detector = detector;
    }

    /** Loads the English sentence model from the classpath (the {@code opennlp-sent-models} jar). */
    public static SentenceSplitter english() {
        try (InputStream in = SentenceSplitter.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new FrameLensException("OpenNLP sentence model " + RESOURCE + " is not on the classpath; "
                        + "add edu.washington.cs.knowitall:opennlp-sent-models:1.5");
            }
            return new SentenceSplitter(new ThreadSafeSentenceDetectorME(new SentenceModel(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns sentence spans {@code [start, end)} into {@code document}, trimmed, in order; none for blank text. */
    public List<int[]> split(String document) {
        List<int[]> out = new ArrayList<>();
        int lineStart = 0;
        int n = document.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || document.charAt(i) == '\n' || document.charAt(i) == '\r') {
                splitLine(document, lineStart, i, out);
                lineStart = i + 1;
            }
        }
        return out;
    }

    private void splitLine(String document, int from, int to, List<int[]> out) {
        int[] trimmed = trim(document, from, to);
        if (trimmed == null) {
            return;
        }
        String line = document.substring(trimmed[0], trimmed[1]);
        for (Span s : detector.sentPosDetect(line)) {
            int[] t = trim(document, trimmed[0] + s.getStart(), trimmed[0] + s.getEnd());
            if (t != null) {
                out.add(t);
            }
        }
    }

    private static int[] trim(String text, int from, int to) {
        while (from < to && TokenizerAdapter.isBlank(text.charAt(from))) {
            from++;
        }
        while (to > from && TokenizerAdapter.isBlank(text.charAt(to - 1))) {
            to--;
        }
        return from < to ? new int[] {from, to} : null;
    }
}
