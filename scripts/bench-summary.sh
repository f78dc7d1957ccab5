#!/bin/sh
# Times `summary` on the seventeen-sheet sample and on a generated 20,000 x 60 workbook (-Xmx1g),
# side by side with LibreOffice's CSV conversion of the same file. Usage: scripts/bench-summary.sh [ROUNDS]
set -e
cd "$(dirname "$0")/.."
mvn -q -B -ntp -DskipTests package test-compile
java -cp "target/test-classes:target/classes:target/lib/*" com.marginworkbench.workbook.SummaryBenchmark "$@"
