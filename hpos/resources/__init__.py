"""Files the app ships that are not code: translations, sounds, icons.

They live in this package's folder (``hpos/resources/<kind>/<name>``) so that
the source tree, an installed wheel and the PyInstaller build (which collects
this folder as data at the same relative place) all find them the same way.
Sources they are generated from (``.ts`` catalogues, the icon's source image)
live in the repository's top-level ``resources/`` folder.

A shipped file's path: :func:`hpos.resources.paths.resource_path`.
"""
