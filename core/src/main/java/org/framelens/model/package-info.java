/**
 * Model stage: the DL4J network ({@link org.framelens.model.FramingNetwork} is the only class that touches DL4J graph
 * APIs) and the model bundle: one zip with a manifest, a vocabulary and the network, validated on load.
 */
package org.framelens.model;
