/**
 * What every front end shows of a result, decided once: the per-unit figure and its unit text, the
 * kg/t switch for emission tables, shares as rounded for display and the note when they do not add
 * up to 100 %, per-stage figures per declared unit, and the data-quality weights. The CLI summary,
 * the report and the web pages format these in their own layout and language, but never re-derive
 * them.
 *
 * <p>A package of its own rather than part of {@code calc}: the calculator's figures are exact and
 * form the JSON contract; everything here is rounding and wording for people, and may change with
 * how things are shown without touching what is computed.
 */
package org.tanji.core.present;
