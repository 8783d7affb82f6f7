package org.framelens.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.framelens.train.LabelledSentence;

/**
 * Cross-validation's out-of-fold probabilities as CSV, largest disagreement with the gold label first. A row the
 * models of the other folds contradict confidently is either a hard case or a label error; reading the top of this
 * list is the cheapest way to find the errors.
 */
final class OutOfFoldPredictions {
    private static final String[] HEADER =
        {"source", "line", "fold", "topic", "label", "probability", "disagreement", "text"};

    private OutOfFoldPredictions() {
    }

    /** @param fold each sentence's fold (0-based; written 1-based), {@code probability} its out-of-fold probability */
    static String csv(List<LabelledSentence> data, int[] fold, double[] probability) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).build())) {
            List<Integer> order = IntStream.range(0, data.size()).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -disagreement(data.get(i), probability[i]))
                            .thenComparing(i -> i))
                    .toList();
            for (int i : order) {
                LabelledSentence s = data.get(i);
                csv.printRecord(s.source(), s.line(), fold[i] + 1, s.topic(), s.loaded() ? "loaded" : "neutral",
                        String.format(Locale.ROOT, "%.4f", probability[i]),
                        String.format(Locale.ROOT, "%.4f", disagreement(s, probability[i])), s.text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** How far the probability is from the gold label: 0 agrees fully, 1 contradicts fully. */
    static double disagreement(LabelledSentence s, double probability) {
        return s.loaded() ? 1 - probability : probability;
    }
}
