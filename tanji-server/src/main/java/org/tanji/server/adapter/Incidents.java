package org.tanji.server.adapter;

import io.javalin.http.Context;
import java.io.PrintStream;
import org.tanji.server.app.Env;

/**
 * Unexpected failures (bugs): written to the log with an incident number and the stack trace; the
 * caller is given the number only.
 */
public final class Incidents {

  private final Env env;
  private final PrintStream log;

  public Incidents(Env env, PrintStream log) {
    this.env = env;
    this.log = log;
  }

  /** Logs a failure of a request and returns its incident number. */
  public String record(Context ctx, Throwable e) {
    String incident = Long.toHexString(env.random().nextLong() >>> 16);
    synchronized (log) {
      log.println(env.clock().instant() + " incident " + incident + ": " + ctx.method().name() + " " + ctx.path());
      e.printStackTrace(log);
    }
    return incident;
  }
}
