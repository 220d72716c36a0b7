package org.tanji.server.adapter;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * One interface of the server over the application services: its paths, its authentication and
 * its error format. The wiring asks each adapter in turn whether it owns a request's path; the
 * first that does runs its {@link #before} and answers its failures. Adapters never import one
 * another: a new interface is a new adapter, and nothing else changes.
 */
public interface Adapter {

  /** Whether a request path is this adapter's. */
  boolean owns(String path);

  /** Registers the adapter's routes. */
  void register(RoutesConfig routes);

  /** Runs before each request the adapter owns: headers, size limits, origin checks. */
  default void before(Context ctx) {}

  /**
   * Answers a failed request the adapter owns, in its own format: an application refusal
   * ({@link org.tanji.server.app.AppException}), a refusal of the request itself ({@link HttpError}),
   * or an unexpected failure (logged by {@link Incidents}, answered with the incident number only).
   */
  void fail(Context ctx, Exception e);
}
