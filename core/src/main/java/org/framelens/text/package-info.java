/**
 * Text stage: sentence splitting and tokenization with character offsets into the caller's original string.
 * OpenNLP sits behind {@link org.framelens.text.TokenizerAdapter}; nothing else in FrameLens touches OpenNLP.
 */
package org.framelens.text;
