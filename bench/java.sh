# Sourced by the benchmark scripts: sets java_bin to BENCH_JAVA_HOME's java if set; otherwise to the newest JDK of 21
# or later under /usr/lib/jvm (Samspil serves on virtual threads there), else to the java on the PATH.
java_bin=java
if [[ -n "${BENCH_JAVA_HOME:-}" ]]; then
  java_bin="$BENCH_JAVA_HOME/bin/java"
else
  best=0
  for home in /usr/lib/jvm/*/; do
    [[ -x "$home/bin/java" ]] || continue
    major=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
    if [[ -n "$major" && "$major" -ge 21 && "$major" -gt "$best" ]]; then
      best=$major
      java_bin="$home/bin/java"
    fi
  done
fi
echo "bench: running on $("$java_bin" -version 2>&1 | head -1)"
