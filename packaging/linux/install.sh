#!/bin/sh
# Installe PartnerDesk pour l'utilisateur courant, dans ~/.local (sans droits d'administrateur).
# Une installation plus ancienne est remplacée ; vos données (~/.local/share/PartnerDesk) ne sont pas touchées.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX="${PARTNERDESK_PREFIX:-$HOME/.local}"
APP_DIR="$PREFIX/lib/partnerdesk"
BIN_DIR="$PREFIX/bin"
SHARE="$PREFIX/share"
APP_ID="fr.epn.PartnerDesk"

if [ ! -x "$HERE/bundle/partnerdesk" ]; then
  echo "Erreur : ce script doit être lancé depuis le dossier décompressé de l'archive PartnerDesk." >&2
  exit 1
fi

# Le programme : l'ancien dossier est supprimé d'abord (aucun fichier d'une version précédente ne reste).
mkdir -p "$PREFIX/lib" "$BIN_DIR" "$SHARE/applications" "$SHARE/metainfo"
rm -rf "$APP_DIR.new"
cp -R "$HERE/bundle" "$APP_DIR.new"
cp "$HERE/uninstall.sh" "$APP_DIR.new/uninstall.sh"
rm -rf "$APP_DIR"
mv "$APP_DIR.new" "$APP_DIR"

# La commande `partnerdesk`.
cat > "$BIN_DIR/partnerdesk" <<LAUNCHER
#!/bin/sh
exec "$APP_DIR/partnerdesk" "\$@"
LAUNCHER
chmod 755 "$BIN_DIR/partnerdesk"

# Le lanceur du menu des applications, avec le chemin complet (~/.local/bin n'est pas toujours dans le PATH).
sed "s|^Exec=partnerdesk|Exec=$BIN_DIR/partnerdesk|" "$HERE/share/applications/$APP_ID.desktop" \
  > "$SHARE/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
for icon in "$HERE"/share/icons/hicolor/*/apps/*; do
  size=$(basename "$(dirname "$(dirname "$icon")")")
  mkdir -p "$SHARE/icons/hicolor/$size/apps"
  cp "$icon" "$SHARE/icons/hicolor/$size/apps/"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true

VERSION=$("$APP_DIR/partnerdesk" --version 2>/dev/null || echo "PartnerDesk")
echo "$VERSION est installé dans $APP_DIR."
echo "Lancez-le depuis le menu des applications (Bureautique), ou avec la commande : $BIN_DIR/partnerdesk"

# Les bibliothèques d'affichage que le système doit fournir (X11) : le nom des paquets Debian/Ubuntu à installer.
missing=$(LD_LIBRARY_PATH="$APP_DIR/_internal" ldd "$APP_DIR"/_internal/PySide6/Qt/plugins/platforms/libqxcb.so 2>/dev/null \
  | awk '/not found/ {print $1}' | sort -u)
if [ -n "$missing" ]; then
  packages=""
  for lib in $missing; do  # libxcb-cursor.so.0 -> libxcb-cursor0, libxkbcommon-x11.so.0 -> libxkbcommon-x11-0
    base=${lib%%.so.*}; major=${lib##*.so.}; major=${major%%.*}
    case "$base" in *[0-9]) packages="$packages $base-$major" ;; *) packages="$packages $base$major" ;; esac
  done
  echo
  echo "Attention : il manque des bibliothèques système pour afficher la fenêtre :"
  echo "$missing" | sed 's/^/  - /'
  echo "Sur Debian ou Ubuntu, installez-les avec :"
  echo "  sudo apt install$packages"
fi
