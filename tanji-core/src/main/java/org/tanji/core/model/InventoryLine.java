package org.tanji.core.model;

import org.tanji.core.units.Quantity;

/**
 * One line of the inventory.
 *
 * @param index position in the file's {@code inventory} list, from 0
 * @param name display name
 * @param stage life-cycle stage
 * @param activity what the line records; null when the file's entry could not be read
 * @param quality data-quality levels, or null when not given
 * @param dedicated true when the line belongs to the studied product alone (not allocated)
 * @param claimed the emissions a published report states for this line, or null
 * @param source where the activity data comes from (a statistics report, an invoice), or null
 * @param note free text, or null
 * @param uncertainty the distributions of the line's quantities, or null when it gives none
 * @param claimedShare the line's share of the total a published report states, or null
 */
public record InventoryLine(
    int index,
    String name,
    Stage stage,
    Activity activity,
    Quality quality,
    boolean dedicated,
    Quantity claimed,
    String source,
    String note,
    LineUncertainty uncertainty,
    Claims.Share claimedShare) {

  /** A line without uncertainty or a claimed share. */
  public InventoryLine(int index, String name, Stage stage, Activity activity, Quality quality, boolean dedicated,
      Quantity claimed, String source, String note) {
    this(index, name, stage, activity, quality, dedicated, claimed, source, note, null, null);
  }

  /** A line without a claimed share. */
  public InventoryLine(int index, String name, Stage stage, Activity activity, Quality quality, boolean dedicated,
      Quantity claimed, String source, String note, LineUncertainty uncertainty) {
    this(index, name, stage, activity, quality, dedicated, claimed, source, note, uncertainty, null);
  }

  /** A line without uncertainty. */
  public InventoryLine(int index, String name, Stage stage, Activity activity, Quality quality, boolean dedicated,
      Quantity claimed, String source, String note, Claims.Share claimedShare) {
    this(index, name, stage, activity, quality, dedicated, claimed, source, note, null, claimedShare);
  }

  /** The key path of this line in the study file, e.g. {@code inventory[2]}. */
  public String path() {
    return "inventory[" + index + "]";
  }
}
