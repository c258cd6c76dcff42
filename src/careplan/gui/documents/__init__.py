"""The printed agreement in the app: making it in the background, previewing, printing, saving,
and the menu items for the signing certificate and for checking an agreement file."""
