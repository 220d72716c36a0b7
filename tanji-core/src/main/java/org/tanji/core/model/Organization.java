package org.tanji.core.model;

/** The organization whose product is studied: free text shown in reports, any field may be null. */
public record Organization(
    String name,
    String address,
    String creditCode,
    String legalRepresentative,
    String industry,
    String contact,
    String phone,
    String email) {

  public static Organization empty() {
    return new Organization(null, null, null, null, null, null, null, null);
  }
}
