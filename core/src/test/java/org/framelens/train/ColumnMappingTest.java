package org.framelens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {
    @Test
    void labelsAreStoredTrimmedAndLowerCased() {
        ColumnMapping mapping = ColumnMapping.of(" text ", "label", " Loaded ", "BIASED").withNegativeLabels("Neutral");

        assertEquals("text", mapping.textColumn());
        assertEquals(Set.of("loaded", "biased"), mapping.positiveLabels());
        assertEquals(Set.of("neutral"), mapping.negativeLabels());
    }

    @Test
    void isPositiveMatchesTrimmedAndCaseInsensitively() {
        ColumnMapping mapping = ColumnMapping.of("text", "label", "loaded").withNegativeLabels("neutral");

        assertTrue(mapping.isPositive("  LOADED"));
        assertFalse(mapping.isPositive("Neutral "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mapping.isPositive("maybe"));
        assertEquals("unknown label 'maybe'; expected one of [loaded, neutral]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> mapping.isPositive("  "));
    }

    @Test
    void withoutNegativeLabelsEverythingElseIsNeutral() {
        ColumnMapping mapping = ColumnMapping.of("text", "label", "1");

        assertTrue(mapping.isPositive("1"));
        assertFalse(mapping.isPositive("0"));
        assertFalse(mapping.isPositive("anything"));
    }

    @Test
    void rejectsInconsistentMappings() {
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of("text", "label"));
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of(" ", "label", "1"));
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of("text", "label", " "));
        assertThrows(NullPointerException.class, () -> ColumnMapping.of(null, "label", "1"));
        assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.of("text", "label", "Yes").withNegativeLabels("yes"));
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of("text", "label", "1").withDelimiter('"'));
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of("text", "label", "1").withDelimiter('a'));
    }

    @Test
    void withersChangeOneComponentAndBlankMeansNone() {
        ColumnMapping base = ColumnMapping.of("text", "label", "1");

        ColumnMapping changed = base.withSpansColumn("spans").withDevicesColumn("devices").withTopicColumn("topic")
                .withSplitColumn(" ").withDelimiter(';').withHeader(false).withCodePointOffsets(false);

        assertEquals("spans", changed.spansColumn());
        assertEquals("devices", changed.devicesColumn());
        assertEquals("topic", changed.topicColumn());
        assertNull(changed.splitColumn());
        assertEquals(';', changed.delimiter());
        assertFalse(changed.header());
        assertFalse(changed.codePointOffsets());
        assertEquals(base.positiveLabels(), changed.positiveLabels());
        assertNull(base.spansColumn());
        assertNull(base.delimiter());
        assertTrue(base.header());
    }

    @Test
    void projectJsonlMatchesTheGuidelines() {
        ColumnMapping project = ColumnMapping.projectJsonl();

        assertEquals("text", project.textColumn());
        assertEquals("label", project.labelColumn());
        assertEquals(Set.of("loaded"), project.positiveLabels());
        assertEquals(Set.of("neutral"), project.negativeLabels());
        assertEquals("spans", project.spansColumn());
        assertEquals("devices", project.devicesColumn());
        assertEquals("topic", project.topicColumn());
        assertEquals("split", project.splitColumn());
        assertTrue(project.codePointOffsets());
        assertThrows(IllegalArgumentException.class, () -> project.isPositive("1"));
    }
}
