#!/usr/bin/env bash
# Draws the DeepDesk icon, a small fully connected network on a blue tile, and writes it in the
# three formats jpackage takes: deepdesk.png (Linux), deepdesk.ico (Windows), deepdesk.icns (macOS).
# The outputs are committed, so packaging needs none of these tools. Rerun this only to change the
# icon. Needs ImageMagick 6 (convert) and, for the .icns, png2icns from Debian's icnsutils.
set -euo pipefail

cd "$(dirname "$0")"
for tool in convert png2icns; do
  if ! command -v "$tool" >/dev/null; then
    echo "make-icons.sh: $tool not found; install it with: apt-get install imagemagick icnsutils" >&2
    exit 1
  fi
done

size=256
# Node centres of a 3-4-2 network, in pixels of the 256 x 256 tile.
layers=("64:80,128,176" "128:56,104,152,200" "192:104,152")

edges=()
nodes=()
for ((i = 0; i < ${#layers[@]}; i++)); do
  x=${layers[i]%%:*}
  IFS=, read -ra ys <<<"${layers[i]#*:}"
  for y in "${ys[@]}"; do
    nodes+=("circle $x,$y $((x + 14)),$y")
    if ((i + 1 < ${#layers[@]})); then
      next_x=${layers[i + 1]%%:*}
      IFS=, read -ra next_ys <<<"${layers[i + 1]#*:}"
      for next_y in "${next_ys[@]}"; do
        edges+=("line $x,$y $next_x,$next_y")
      done
    fi
  done
done

convert -size "${size}x${size}" xc:none \
  -fill '#1f5f99' -draw "roundrectangle 8,8 247,247 40,40" \
  -stroke '#9cc8f0' -strokewidth 4 -draw "${edges[*]}" \
  -stroke '#ffffff' -strokewidth 3 -fill '#ffb000' -draw "${nodes[*]}" \
  PNG32:deepdesk.png

# Windows picks the nearest size for the taskbar, Start menu and Explorer views.
convert deepdesk.png -define icon:auto-resize=256,128,64,48,32,16 deepdesk.ico

# png2icns reads one PNG per size. Sizes 16, 32, 128 and 256 cover Finder and the Dock.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for icon_size in 16 32 128 256; do
  convert deepdesk.png -resize "${icon_size}x${icon_size}" "PNG32:$work/$icon_size.png"
done
png2icns deepdesk.icns "$work"/{16,32,128,256}.png >/dev/null
echo "Wrote deepdesk.png, deepdesk.ico and deepdesk.icns in $(pwd)"
