#!/usr/bin/env bash
# bench/startup-profile.sh — where the CPU of a start goes, from a sampling profiler: each thread's
# share, and the main thread's steps.
#
# bench/startup.sh gives the wall times and bench/startup-phases.sh when each step begins; this one
# says what each step costs in CPU and what runs beside the main thread (the JIT compilers above
# all, on a machine of two cores). It runs async-profiler (CPU samples, one per millisecond of CPU
# of a thread, so a count of samples is milliseconds) as an agent of the JVM the launcher starts
# (JAVA_TOOL_OPTIONS adds it to the launcher's options; the start-up archive is used as usual):
#   calc    ./tanji calc examples/seed-003-steel-balls.yaml --json
#   serve   ./tanji serve --port 0 --data FOLDER --no-demo on a folder an earlier start made, until
#           the first 200 from GET /api/health, then stopped (the samples after it are a few ms)
#   demo    the same on a new folder with the demo organization (--demo)
# Each figure is the median of RUNS runs. The profiler costs a little (the totals are some 10 %
# above a start without it); on a busy machine the JIT threads' share grows, the main thread's
# CPU stays about the same, so that is the figure to compare between versions.
#
# async-profiler is not part of Tanji: it is on Maven Central as tools.profiler:async-profiler
# (jar with classifier linux-x64 holding linux-x64/libasyncProfiler.so), e.g.
#   ./mvnw dependency:copy -Dartifact=tools.profiler:async-profiler:4.1:jar:linux-x64 -DoutputDirectory=/tmp/ap
#   (cd /tmp/ap && unzip -o async-profiler-4.1-linux-x64.jar)
#
# Usage
#   ASYNC_PROFILER=/tmp/ap/linux-x64/libasyncProfiler.so bench/startup-profile.sh [RUNS]
#   RUNS defaults to 3; JAVA_HOME chooses the JVM as for ./tanji; KEEP=DIR keeps the collapsed stacks
#   (one file per run, for flame graphs or a closer look)
#
# Exit status: 0 done; 2 setup failed.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="$(count_arg "${1:-3}")"
lib="${ASYNC_PROFILER:-}"
[[ -f "$lib" ]] || { echo "bench/startup-profile.sh: set ASYNC_PROFILER to libasyncProfiler.so (see the header)" >&2; exit 2; }
for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "bench/startup-profile.sh: needs $tool" >&2; exit 2; }
done
bench_tmp profile
seed=examples/seed-003-steel-balls.yaml

agent() { echo "JAVA_TOOL_OPTIONS=-agentpath:$lib=start,event=cpu,interval=1ms,threads,file=$1"; }

# serve_once FOLDER OUT SERVE-ARGS...: one start to the first 200 of /api/health, profiled into OUT
serve_once() {
  local data="$1" out="$2"
  shift 2
  serve_up "$tmp/serve.log" "bench/startup-profile.sh" env ${out:+"$(agent "$out")"} TANJI_ADMIN_PASSWORD=bench-password-1 \
    TANJI_DEMO_PASSWORD=bench-password-1 ./tanji serve --port 0 --data "$data" "$@"
  serve_down
}

# warm-up: builds when needed, makes the archives and the existing folder
./tanji calc "$seed" --json >/dev/null
serve_once "$tmp/existing" ""
for ((i = 1; i <= runs; i++)); do
  env "$(agent "$tmp/calc-$i.collapsed")" ./tanji calc "$seed" --json >/dev/null 2>&1
  serve_once "$tmp/existing" "$tmp/serve-$i.collapsed" --no-demo
  serve_once "$tmp/new-$i" "$tmp/demo-$i.collapsed" --demo
done
if [[ -n "${KEEP:-}" ]]; then
  mkdir -p "$KEEP" && cp "$tmp"/*.collapsed "$KEEP"/
fi

echo "runs $runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)"
python3 - "$tmp" "$runs" <<'EOF'
import collections, re, statistics, sys

folder, runs = sys.argv[1], int(sys.argv[2])

# a thread's group, from the name async-profiler gives it
GROUPS = [("main thread", r"^\[(main|java) tid"), ("JIT compilers", r"Compiler ?Thre"), ("GC", r"GC Thread|G1 |VM Thread"),
          ("migration (tanji-migrate)", r"tanji-migrate"), ("first admin's hash", r"tanji-first-admin"),
          ("locales (tanji-locales)", r"tanji-locales"),
          ("pool opening (tanji-db-open)", r"tanji-db-open"),
          ("Jetty's threads", r"JettyServerThreadPool|qtp")]

# the main thread's steps: a sample belongs to the innermost step its stack passes through
STEPS = {
    "calc": [("JVM: the launcher finds Main", "sun/launcher/LauncherHelper.checkAndLoadMain"),
             ("picocli: the command model", "org/tanji/cli/Main.commandLine"),
             ("reading the study (SnakeYAML, the model)", "org/tanji/io/StudyFiles.read"),
             ("the calculation", "org/tanji/core/calc/Calculator"),
             ("writing the result JSON", "org/tanji/io/ResultJson.write"),
             ("picocli: parsing the arguments, the rest", "picocli/CommandLine.execute")],
    "serve": [("JVM: the launcher finds Main", "sun/launcher/LauncherHelper.checkAndLoadMain"),
              ("picocli: the command model", "org/tanji/cli/Main.commandLine"),
              ("the pool and H2's open", "org/tanji/server/store/Database.connect"),
              ("services and repositories", "org/tanji/server/TanjiServer.start"),
              ("Javalin: configuration and routes", "io/javalin/Javalin.create"),
              ("Jetty: start and listen", "io/javalin/Javalin.start"),
              ("first start: the first admin", "org/tanji/server/app/AccountService.bootstrap"),
              ("first start: the demo", "org/tanji/server/Demo.seed"),
              ("picocli: parsing the arguments, the rest", "picocli/CommandLine.execute")],
}
STEPS["demo"] = STEPS["serve"]

def profile(path, kind):
    threads, steps = collections.Counter(), collections.Counter()
    for line in open(path):
        stack, n = line.rstrip("\n").rsplit(" ", 1)
        n = int(n)
        frames = stack.split(";")
        group = next((g for g, rx in GROUPS if re.search(rx, frames[0])), "other threads")
        threads[group] += n
        threads["all threads"] += n
        if group != "main thread":
            continue
        step, depth = "other (JVM start, class loading outside the steps)", -1
        for label, frame in STEPS[kind]:
            at = max((i for i, f in enumerate(frames) if f.startswith(frame)), default=-1)
            if at > depth:
                step, depth = label, at
        steps[step] += n
    return threads, steps

for kind, title in (("calc", "calc seed 003 --json"), ("serve", "serve, existing folder, to the first 200"),
                    ("demo", "serve, new folder with the demo, to the first 200")):
    runs_t, runs_s = [], []
    for i in range(1, runs + 1):
        t, s = profile(f"{folder}/{kind}-{i}.collapsed", kind)
        runs_t.append(t)
        runs_s.append(s)
    med = lambda rs, k: int(statistics.median(r[k] for r in rs))
    print(f"\n{title}: CPU ms by thread (median of {runs})")
    names = sorted({k for r in runs_t for k in r}, key=lambda k: -med(runs_t, k))
    for k in names:
        print(f"  {med(runs_t, k):6d}  {k}")
    print(f"{title}: the main thread's CPU ms by step")
    for k in sorted({k for r in runs_s for k in r}, key=lambda k: -med(runs_s, k)):
        print(f"  {med(runs_s, k):6d}  {k}")
EOF
