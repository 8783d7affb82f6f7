/**
 * Neutral rewrite suggestions for loaded phrases: the project-written lexicon of neutral alternatives
 * ({@link org.framelens.suggest.NeutralAlternatives}) and the {@link org.framelens.suggest.Suggester}, which keeps
 * only rewrites the model scores lower than the original sentence.
 */
package org.framelens.suggest;
