/** End-to-end benchmarks of FrameLens and its peers (OpenNLP doccat, MiniLM + logistic head); run {@link org.framelens.bench.BenchMain}. */
package org.framelens.bench;
