#!/usr/bin/env bash
# Smoke-tests a DeepDesk app image headless through its command-line launcher: trains the softmax
# regression preset for one epoch on 600 bundled MNIST images, then predicts a drawn "1" with it
# and with a small Keras HDF5 model, which needs the bundled HDF5 natives.
# Exits non-zero when either step fails, so that a broken package fails the build.
# Usage: installers/smoke-test.sh [APP_IMAGE]   (default: installers/target/image/DeepDesk)
# Needs a JDK on the PATH only to draw the test picture; the app runs on its bundled runtime.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
image="${1:-$here/target/image/DeepDesk}"
cli="$image/bin/deepdesk-cli"
if [[ ! -x "$cli" ]]; then
  echo "smoke-test.sh: no launcher at $cli; build the app image first with" \
    "./mvnw -Ppackage -DskipTests -Dpackage.skipInstaller=true package" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The launcher runs on the bundled runtime. JAVA_HOME is unset to show that it needs no JDK.
unset JAVA_HOME

start=$SECONDS
"$cli" train --preset softmax-regression --epochs 1 --limit 600 --output "$work/smoke.ddmodel"
echo "smoke-test.sh: train took $((SECONDS - start)) s"

java "$here/smoke/DigitPng.java" "$work/one.png"
start=$SECONDS
"$cli" predict "$work/one.png" --model "$work/smoke.ddmodel"
echo "smoke-test.sh: predict took $((SECONDS - start)) s"
"$cli" predict "$work/one.png" --model "$here/../engine/src/test/resources/org/deepdesk/engine/interop/keras/small-cnn.h5"
echo "smoke-test.sh: predict with a Keras model works"
echo "smoke-test.sh: the app image at $image trains and predicts"
