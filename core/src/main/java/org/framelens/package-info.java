/**
 * FrameLens public API: {@link org.framelens.FrameLens} loads a {@link org.framelens.FramingScorer}, which returns
 * immutable result records ({@link org.framelens.SentenceScore}, {@link org.framelens.DocumentScore}).
 */
package org.framelens;
