package org.framelens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.framelens.encode.WordFeatures;
import org.framelens.text.Token;
import org.framelens.text.TokenizerAdapter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Builds the default model's word-feature table ({@code models/word-features.bin}): for every whole word of
 * all-MiniLM-L6-v2's WordPiece vocabulary, every word of the VADER lexicon and every word of the project corpus, the
 * word's VADER valence (absolute and signed, divided by 4) followed by the top principal components of its
 * all-MiniLM-L6-v2 sentence embedding (the word embedded alone). Run once; the table then ships in the bundle, so
 * inference needs neither ONNX Runtime nor the lexicon. Optional word lists (the default table uses SCOWL's
 * American and British English "large" lists, Debian packages {@code wamerican-large} and {@code wbritish-large})
 * add the rarer words news uses, such as "nefarious" or "vilify", which none of those sources hold; they share the
 * base words' principal components.
 *
 * <p>{@code java -cp "bench/target/framelens-bench.jar:bench/target/lib/*" org.framelens.bench.WordFeatureBuilder
 * training-data/corpus.jsonl models/word-features.bin 128 LIST...} (the README gives the lists).
 */
public final class WordFeatureBuilder {
    private static final Pattern WORD = Pattern.compile("[a-z][a-z'-]*[a-z]");
    private static final String VADER = "/vader_sentiment_lexicon.txt";
    private static final String WORDPIECE = "/all-minilm-l6-v2-tokenizer.json";

    private WordFeatureBuilder() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: WordFeatureBuilder CORPUS.jsonl OUT.bin COMPONENTS [EXTRA_WORDS.txt...]");
            System.exit(2);
        }
        Map<String, Float> valence = vader();
        TreeSet<String> words = new TreeSet<>(valence.keySet());
        words.addAll(wordpieceWholeWords());
        words.addAll(corpusWords(Path.of(args[0])));
        words.removeIf(w -> !WORD.matcher(w).matches());
        List<String> base = new ArrayList<>(words);
        List<Path> lists = Arrays.stream(args, 3, args.length).map(Path::of).toList();
        List<String> extra = extraWords(lists, words);
        System.err.printf(Locale.ROOT, "embedding %d + %d words with all-MiniLM-L6-v2...%n", base.size(), extra.size());
        float[][] embedded = embed(base);
        Projection pca = Projection.fit(embedded, Integer.parseInt(args[2]));
        float[][] components = pca.apply(embedded);
        float[][] extraComponents = pca.applyClipped(embed(extra));
        List<String> list = new ArrayList<>(base);
        list.addAll(extra);
        List<float[]> vectors = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            float v = valence.getOrDefault(list.get(i), 0f);
            float[] c = i < base.size() ? components[i] : extraComponents[i - base.size()];
            float[] row = new float[2 + c.length];
            row[0] = Math.abs(v) / 4f;
            row[1] = v / 4f;
            System.arraycopy(c, 0, row, 2, c.length);
            vectors.add(row);
        }
        WordFeatures table = WordFeatures.of(list, vectors);
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            table.write(out);
        }
        System.err.println("wrote " + args[1] + ": " + table);
    }

    /**
     * Lower-case words of word lists (one per line, such as SCOWL's) that the base table lacks, leaving out
     * possessives and inflections that a lookup already strips to a word of the table (shortest first, so that stems
     * are decided first).
     */
    private static List<String> extraWords(List<Path> files, Set<String> base) throws IOException {
        TreeSet<String> listed = new TreeSet<>();
        for (Path file : files) {
            listed.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        List<String> candidates = new ArrayList<>(listed);
        // possessives never reach the table: the tokenizer splits "'s" off
        candidates.removeIf(w -> !WORD.matcher(w).matches() || w.endsWith("'s") || base.contains(w));
        candidates.sort(Comparator.comparingInt(String::length));
        Set<String> kept = new HashSet<>();
        for (String w : candidates) {
            if (WordFeatures.stems(w).stream().noneMatch(s -> base.contains(s) || kept.contains(s))) {
                kept.add(w);
            }
        }
        return new ArrayList<>(new TreeSet<>(kept));
    }

    /** VADER's single-word entries (its emoticons and multi-word entries are skipped by the word pattern). */
    private static Map<String, Float> vader() throws IOException {
        Map<String, Float> out = new HashMap<>();
        try (InputStream in = WordFeatureBuilder.class.getResourceAsStream(VADER)) {
            if (in == null) {
                throw new IOException(VADER + " not on the classpath (com.github.apanimesh061:vader-sentiment-analyzer)");
            }
            // the lexicon file is Latin-1 (a few emoticons use bytes above 127)
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t");
                if (f.length >= 2 && WORD.matcher(f[0]).matches()) {
                    out.put(f[0], Float.parseFloat(f[1]));
                }
            }
        }
        return out;
    }

    private static List<String> wordpieceWholeWords() throws IOException {
        try (InputStream in = WordFeatureBuilder.class.getResourceAsStream(WORDPIECE)) {
            if (in == null) {
                throw new IOException(WORDPIECE + " not on the classpath");
            }
            List<String> out = new ArrayList<>();
            for (Iterator<String> it = new ObjectMapper().readTree(in).path("model").path("vocab").fieldNames();
                 it.hasNext(); ) {
                out.add(it.next());
            }
            return out;
        }
    }

    private static List<String> corpusWords(Path corpus) throws IOException {
        TokenizerAdapter tokenizer = TokenizerAdapter.english();
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = json.readTree(line);
            String text = row.get("text").asText();
            for (Token t : tokenizer.tokenize(text, 0, text.length(), Integer.MAX_VALUE)) {
                out.add(t.text().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static float[][] embed(List<String> words) {
        EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
        float[][] out = new float[words.size()][];
        for (int from = 0; from < words.size(); from += 512) {
            int to = Math.min(words.size(), from + 512);
            List<TextSegment> batch = words.subList(from, to).stream().map(TextSegment::from).toList();
            var vectors = model.embedAll(batch).content();
            for (int i = from; i < to; i++) {
                out[i] = vectors.get(i - from).vector();
            }
        }
        return out;
    }

    /**
     * The top principal components of the base words' embeddings, each scaled to standard deviation 0.5. Extra words
     * are projected with the base words' basis and clipped to their range, so adding them leaves every base word's
     * quantised row as it was.
     */
    private record Projection(INDArray mean, INDArray top, INDArray std, INDArray max) {
        static Projection fit(float[][] rows, int k) {
            INDArray x = Nd4j.create(rows).castTo(DataType.DOUBLE);
            INDArray mean = x.mean(0);
            x.subiRowVector(mean);
            INDArray cov = x.transpose().mmul(x).divi(rows.length - 1);
            Eigen.symmetricGeneralizedEigenvalues(cov, true); // ascending; cov now holds the eigenvectors
            long n = cov.columns();
            INDArray top = cov.get(NDArrayIndex.all(), NDArrayIndex.interval(n - k, n)).dup();
            INDArray projected = x.mmul(top);
            INDArray std = projected.std(0).addi(1e-8);
            INDArray max = Transforms.abs(projected.diviRowVector(std).muli(0.5)).max(0);
            return new Projection(mean, top, std, max);
        }

        float[][] apply(float[][] rows) {
            if (rows.length == 0) {
                return new float[0][];
            }
            INDArray x = Nd4j.create(rows).castTo(DataType.DOUBLE);
            x.subiRowVector(mean);
            return x.mmul(top).diviRowVector(std).muli(0.5).castTo(DataType.FLOAT).toFloatMatrix();
        }

        float[][] applyClipped(float[][] rows) {
            float[][] out = apply(rows);
            float[] limit = max.castTo(DataType.FLOAT).toFloatVector();
            for (float[] row : out) {
                for (int d = 0; d < row.length; d++) {
                    row[d] = Math.max(-limit[d], Math.min(limit[d], row[d]));
                }
            }
            return out;
        }
    }
}
