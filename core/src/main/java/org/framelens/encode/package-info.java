/**
 * Encoding stage: tokens to the integer features the network reads. Training and serving share
 * {@link org.framelens.encode.SentenceEncoder}, so there is exactly one featurisation path.
 */
package org.framelens.encode;
