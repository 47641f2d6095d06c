#!/usr/bin/env bash
# Installs what the Spark job's test needs, when it is missing: a Java runtime (Spark 4 needs
# Java 17 or 21; Debian's openjdk-17-jre-headless) and a virtual environment,
# integrations/spark/.venv, with integrations/spark/requirements.txt (pyspark).
# Prints nothing when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} ..." >&2
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
venv=integrations/spark/.venv
requirements=integrations/spark/requirements.txt
stamp="$venv/.requirements"
if [ -x "$venv/bin/python" ] && cmp -s "$requirements" "$stamp"; then
    exit 0
fi
echo "Installing $requirements into $venv ..." >&2
python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
cp "$requirements" "$stamp"
