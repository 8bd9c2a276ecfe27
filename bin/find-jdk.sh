#!/bin/sh
# Prints the home of a JDK that can build and run Noddfa (21 or newer), preferring the one
# already chosen: $JAVA_HOME, then the `java` on PATH, then the newest JDK installed in the
# usual places. Exits 1 with a message when there is none.
set -eu

MIN=21

major_of() { # $1 = JDK home
  if [ -r "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1)
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  [ "${v:-}" = 1 ] && v=8
  printf '%s' "${v:-0}"
}

usable() { # $1 = JDK home
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(major_of "$1")" -ge "$MIN" ]
}

if [ -n "${JAVA_HOME:-}" ] && usable "$JAVA_HOME"; then
  printf '%s\n' "$JAVA_HOME"; exit 0
fi

if command -v javac >/dev/null 2>&1; then
  home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  if usable "$home"; then printf '%s\n' "$home"; exit 0; fi
fi

best=""; best_major=0
for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
    "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
  [ -d "$home" ] || continue
  usable "$home" || continue
  m=$(major_of "$home")
  if [ "$m" -gt "$best_major" ]; then best="$home"; best_major=$m; fi
done

if [ -n "$best" ]; then printf '%s\n' "$best"; exit 0; fi

echo "Noddfa needs JDK $MIN or newer, and none was found (JAVA_HOME, PATH, /usr/lib/jvm, SDKMAN)." >&2
echo "Install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
exit 1
