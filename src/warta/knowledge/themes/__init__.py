"""The warta theme taxonomy (``themes.json``), read by ``warta.analysis.themes``.

Documented in ``docs/themes.md``: one entry per theme, with its Indonesian strong and weak
phrases, optional entity-sector triggers and the matching GDELT GKG theme name.
"""
