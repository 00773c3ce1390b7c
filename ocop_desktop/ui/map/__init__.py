"""The Bản đồ section: page.py composes a MapView (view.py: tiles from tiles.py, producers from layer.py,
overlays.py on top) with a filter bar bound to the shared dossier filter, a search box, a producer card and
PNG/PDF export; the Qt-free map core it draws from is ocop_desktop.maps."""
