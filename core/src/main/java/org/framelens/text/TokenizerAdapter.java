package org.framelens.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringUtil;
import org.framelens.FrameLensException;

/**
 * Tokenizes sentences with OpenNLP's maximum-entropy English tokenizer, keeping offsets into the original text.
 * Thread-safe: OpenNLP's {@code ThreadSafeTokenizerME} keeps one tokenizer per thread.
 *
 * <p>The maximum-entropy tokenizer decides each whitespace-separated chunk on its own (its features look only
 * inside the chunk, and purely alphanumeric chunks are never split), so the splits of a chunk are computed once and
 * cached: the output is exactly OpenNLP's, at a fraction of its cost on news text, where chunks such as "said.",
 * "U.S." or "it's" recur constantly.
 */
public final class TokenizerAdapter {
    /** Identity stored in model bundles: a model trained with one tokenizer must be served with the same one. */
    public static final String IDENTITY = "opennlp-1.5-en-token";
    private static final String RESOURCE = "/en-token.bin";

    /** Bounds the chunk cache; when full it is simply cleared (news vocabulary refills it within seconds). */
    private static final int MAX_CACHED_CHUNKS = 200_000;
    /** Longer chunks (URLs, hostile input) are split every time: they rarely recur and would bloat the cache. */
    private static final int MAX_CACHED_CHUNK_LENGTH = 64;

    private final ThreadSafeTokenizerME tokenizer;
    private final boolean alphanumericOptimization;
    private final ConcurrentHashMap<String, int[]> chunkSplits = new ConcurrentHashMap<>();

    private TokenizerAdapter(TokenizerModel model) {
        this.tokenizer = new ThreadSafeTokenizerME(model);
        this.alphanumericOptimization = model.useAlphaNumericOptimization();
    }

    /** Loads the English tokenizer model from the classpath (the {@code opennlp-tokenize-models} jar). */
    public static TokenizerAdapter english() {
        try (InputStream in = TokenizerAdapter.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new FrameLensException("OpenNLP tokenizer model " + RESOURCE + " is not on the classpath; "
                        + "add edu.washington.cs.knowitall:opennlp-tokenize-models:1.5");
            }
            return new TokenizerAdapter(new TokenizerModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tokenizes {@code document.substring(from, to)}; returned offsets are into {@code document}.
     * At most {@code limit} tokens are returned.
     */
    public List<Token> tokenize(String document, int from, int to, int limit) {
        List<Token> tokens = new ArrayList<>(Math.min(64, limit));
        int i = from;
        while (i < to && tokens.size() < limit) {
            // OpenNLP's own whitespace split (StringUtil.isWhitespace), so chunks are the ones it would see
            while (i < to && StringUtil.isWhitespace(document.charAt(i))) {
                i++;
            }
            int end = i;
            while (end < to && !StringUtil.isWhitespace(document.charAt(end))) {
                end++;
            }
            if (end == i) {
                break;
            }
            if (alphanumericOptimization && isAlphanumeric(document, i, end)) {
                tokens.add(new Token(document.substring(i, end), i, end));
            } else {
                int[] splits = splits(document.substring(i, end));
                for (int k = 0; k < splits.length && tokens.size() < limit; k += 2) {
                    int s = i + splits[k];
                    int e = i + splits[k + 1];
                    if (!isBlank(document, s, e)) {
                        tokens.add(new Token(document.substring(s, e), s, e));
                    }
                }
            }
            i = end;
        }
        return tokens;
    }

    /** Start and end offsets (pairs) of the tokens of one whitespace-free chunk, as OpenNLP splits it. */
    private int[] splits(String chunk) {
        int[] cached = chunkSplits.get(chunk);
        if (cached != null) {
            return cached;
        }
        Span[] spans = tokenizer.tokenizePos(chunk);
        int[] out = new int[spans.length * 2];
        for (int k = 0; k < spans.length; k++) {
            out[2 * k] = spans[k].getStart();
            out[2 * k + 1] = spans[k].getEnd();
        }
        if (chunk.length() <= MAX_CACHED_CHUNK_LENGTH) {
            if (chunkSplits.size() >= MAX_CACHED_CHUNKS) {
                chunkSplits.clear();
            }
            chunkSplits.put(chunk, out);
        }
        return out;
    }

    /** OpenNLP's alphanumeric optimisation: chunks matching {@code ^[A-Za-z0-9]+$} stay whole. */
    private static boolean isAlphanumeric(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
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
