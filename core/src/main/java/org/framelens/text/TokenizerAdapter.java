package org.framelens.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;
import org.framelens.FrameLensException;

/**
 * Tokenizes sentences with OpenNLP's maximum-entropy English tokenizer, keeping offsets into the original text.
 * Thread-safe: OpenNLP's {@code ThreadSafeTokenizerME} keeps one tokenizer per thread.
 */
public final class TokenizerAdapter {
    /** Identity stored in model bundles: a model trained with one tokenizer must be served with the same one. */
    public static final String IDENTITY = "opennlp-1.5-en-token";
    private static final String RESOURCE = "/en-token.bin";

    private final ThreadSafeTokenizerME tokenizer;

    private TokenizerAdapter(ThreadSafeTokenizerME tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Loads the English tokenizer model from the classpath (the {@code opennlp-tokenize-models} jar). */
    public static TokenizerAdapter english() {
        try (InputStream in = TokenizerAdapter.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new FrameLensException("OpenNLP tokenizer model " + RESOURCE + " is not on the classpath; "
                        + "add edu.washington.cs.knowitall:opennlp-tokenize-models:1.5");
            }
            return new TokenizerAdapter(new ThreadSafeTokenizerME(new TokenizerModel(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tokenizes {@code document.substring(from, to)}; returned offsets are into {@code document}.
     * At most {@code limit} tokens are returned.
     */
    public List<Token> tokenize(String document, int from, int to, int limit) {
        Span[] spans = tokenizer.tokenizePos(document.substring(from, to));
        List<Token> tokens = new ArrayList<>(Math.min(spans.length, limit));
        for (int i = 0; i < spans.length && tokens.size() < limit; i++) {
            int s = from + spans[i].getStart();
            int e = from + spans[i].getEnd();
            if (!isBlank(document, s, e)) {
                tokens.add(new Token(document.substring(s, e), s, e));
            }
        }
        return tokens;
    }

    /** Whitespace, including the zero-width and byte-order marks that Java does not count as whitespace. */
    public static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF'
                || c == '\u200C' || c == '\u200D' || c == '\u2060';
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isBlank(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
