#!/usr/bin/env bash
# Installs every Debian 12 package the kiosk needs to build, run its demo and run its tests.
# Idempotent: packages already present are left alone; safe to run again.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake pkg-config git ca-certificates clang libclang-rt-14-dev
  # UI
  libsdl2-dev libimgui-dev libstb-dev libfreetype-dev fonts-noto-cjk
  # storage, network, crypto
  libsqlite3-dev libssl-dev openssl libcurl4-openssl-dev
  # kiosk-central's event-driven HTTPS server (Boost.Beast + Asio over OpenSSL, header-only)
  libboost-dev
  # formats
  libtomlplusplus-dev nlohmann-json3-dev libqrencode-dev libzbar-dev
  # text: UTF-8 decoding (text/Utf8); the pinyin keyboard's engine and dictionary (kiosk/GooglePinyinEngine)
  libutfcpp-dev libgooglepinyin0-dev
  # the hall's time zone ([terminal] time_zone, read from /usr/share/zoneinfo; minbase lacks it)
  tzdata
  # command lines (kioskctl, kiosk-central, kiosk)
  libcli11-dev
  # the kiosk's log in the journal (sd_journal_send)
  libsystemd-dev
  # tests: doctest, a display server for the idle-CPU benchmark, QR decoder for round trips
  doctest-dev xvfb xauth zbar-tools procps
  # tests: stand-in servers (a silent one, a busy one) for the kioskctl sync exit codes
  python3
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
