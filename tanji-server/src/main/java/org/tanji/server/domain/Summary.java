package org.tanji.server.domain;

/** What a version computed to, for lists and dashboards. Figures are null when it has errors. */
public record Summary(String name, String declaredUnit, Double perUnitKgCO2e, Double dqScore, Integer dqGrade,
    int errors, int warnings) {}
