/**
 * The project corpus ({@code training-data/corpus.jsonl}): its record type, the validator the test suite runs, and
 * the generator of {@code DATA_CARD.md}.
 */
package org.framelens.corpus;
