package org.tanji.server.adapter;

import org.tanji.server.app.Services;

/**
 * What an adapter is made with: the application services, and the HTTP support every adapter
 * shares (request limits, incident log).
 */
public record Wiring(Services services, Requests requests, Incidents incidents) {

  /** Makes an adapter over the services (a test's, or a later interface's). */
  @FunctionalInterface
  public interface Factory {
    Adapter make(Wiring wiring);
  }
}
