#!/bin/sh
# Désinstalle PartnerDesk de ~/.local. Vos données restent : ~/.local/share/PartnerDesk.
set -eu

PREFIX="${PARTNERDESK_PREFIX:-$HOME/.local}"
APP_ID="fr.epn.PartnerDesk"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}/PartnerDesk"

rm -rf "$PREFIX/lib/partnerdesk"
rm -f "$PREFIX/bin/partnerdesk" \
      "$PREFIX/share/applications/$APP_ID.desktop" \
      "$PREFIX/share/metainfo/$APP_ID.metainfo.xml"
for icon in "$PREFIX"/share/icons/hicolor/*/apps/"$APP_ID".*; do
  [ -e "$icon" ] && rm -f "$icon"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$PREFIX/share/applications" || true

echo "PartnerDesk est désinstallé."
if [ -d "$DATA" ]; then
  echo "Vos données sont conservées dans : $DATA"
  echo "(fiches, photos, sauvegardes). Pour les emporter ailleurs, réinstallez PartnerDesk et utilisez"
  echo "Fichier → Exporter toutes les données ; pour les effacer, supprimez ce dossier vous-même."
fi
