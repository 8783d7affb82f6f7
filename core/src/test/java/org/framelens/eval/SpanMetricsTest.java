package org.framelens.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpanMetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void poolsTokensOverSentences() {
        List<boolean[]> gold = List.of(new boolean[] {true, true, false, false}, new boolean[] {false, true});
        List<boolean[]> pred = List.of(new boolean[] {true, false, true, false}, new boolean[] {false, true});
        // sentence 1: tp 1 (token 0), fn 1 (token 1), fp 1 (token 2); sentence 2: tp 1
        SpanMetrics m = SpanMetrics.ofTokens(gold, pred);

        assertEquals(2, m.tp());
        assertEquals(1, m.fp());
        assertEquals(1, m.fn());
        assertEquals(2.0 / 3, m.precision(), EPS);
        assertEquals(2.0 / 3, m.recall(), EPS);
        assertEquals(2.0 / 3, m.f1(), EPS); // 4 / (4 + 1 + 1)
    }

    @Test
    void noTaggedTokensGiveZeros() {
        SpanMetrics m = SpanMetrics.ofTokens(List.of(new boolean[3]), List.of(new boolean[3]));

        assertEquals(new SpanMetrics(0, 0, 0, 0, 0, 0), m);
    }

    @Test
    void rejectsMisalignedInput() {
        assertThrows(IllegalArgumentException.class,
                () -> SpanMetrics.ofTokens(List.of(new boolean[2]), List.of(new boolean[3])));
        assertThrows(IllegalArgumentException.class,
                () -> SpanMetrics.ofTokens(List.of(new boolean[2]), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SpanMetrics(0, 0, 0, -1, 0, 0));
    }
}
