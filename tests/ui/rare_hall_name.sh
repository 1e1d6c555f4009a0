#!/usr/bin/env bash
# Issue 11.5 in the real kiosk: a hall name with characters beyond the BMP (𫖮 U+2B5AE, 𬌗 U+2C317)
# and a rare BMP one (䶮) goes through the header bar like any text. The UI script reads the real
# characters back (not the private-use stand-ins ImGui is given), checks the layout, and saves
# rare_hall_name.png in WORKDIR to be looked at. The pixels themselves are compared with FreeType's
# rendering by test_ui_rare_screen; the demo cannot carry such a name (the simulated card encodes
# UCS-2 only, and the case screens show a citizen's name masked to the surname).
# usage: rare_hall_name.sh KIOSK WORKDIR
set -u
KIOSK=$1 WORK=$2
rm -rf "$WORK" && mkdir -p "$WORK"
cat >"$WORK/kiosk.toml" <<TOML
[terminal]
id = "GLYPH-01"
hall_name = "𫖮𬌗䶮街道便民服务中心"
state_dir = "$WORK/state"
[server]
url = "https://127.0.0.1:9"
[idcard]
port = "$WORK/no-reader"
[printer]
uri = "none"
TOML
cat >"$WORK/rare.kioskscript" <<'SCRIPT'
expect "𫖮𬌗䶮街道便民服务中心"
check-layout
screenshot rare_hall_name.png
layout 1080x1920
expect "𫖮𬌗䶮街道便民服务中心"
check-layout
screenshot rare_hall_name_portrait.png
SCRIPT
"$KIOSK" --config "$WORK/kiosk.toml" --headless --script "$WORK/rare.kioskscript" --screenshot-dir "$WORK"
