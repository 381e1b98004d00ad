#!/usr/bin/env bash
# Installs SmtpUnit and runs the consumer project (a user's project, see pom.xml) against each
# supported JUnit line. Extra arguments go to every mvn call, e.g. a private local repository:
#   bash src/it/consumer/run.sh -Dmaven.repo.local=/tmp/my-m2
# SMTPUNIT_SKIP_INSTALL=true reuses artifacts already installed in that repository.
set -euo pipefail
cd "$(dirname "$0")"
root=../../..

# The oldest supported line, the ones Spring Boot and most projects pin, and the newest.
junit_versions=(5.10.5 5.13.4 5.14.4 6.1.3)

# The project's version, as the parent POM declares it (its first <version>).
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -1)

if [[ "${SMTPUNIT_SKIP_INSTALL:-false}" != true ]]; then
  echo "== installing SmtpUnit $version"
  (cd "$root" && mvn -B -q -DskipTests install "$@")
fi

failed=()
for junit in "${junit_versions[@]}"; do
  echo "== consumer on JUnit $junit"
  if mvn -B clean test -Dsmtpunit.version="$version" -Djunit.version="$junit" "$@" \
      > "target-junit-$junit.log" 2>&1; then
    grep -E "Tests run:.*Fail" "target-junit-$junit.log" | tail -1
  else
    grep -E "Tests run:|FAIL|ERROR" "target-junit-$junit.log" | head -40
    failed+=("$junit")
  fi
done

if ((${#failed[@]})); then
  echo "consumer FAILED on JUnit ${failed[*]} (logs: src/it/consumer/target-junit-*.log)"
  exit 1
fi
echo "consumer passed on JUnit ${junit_versions[*]}"
