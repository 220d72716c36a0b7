package org.tanji.core.quality;

/**
 * A study's data-quality score and grade.
 *
 * @param score Σ line score × line share of emissions, 1 to 6
 * @param grade 1 (best) to 5
 */
public record DataQuality(double score, int grade) {}
