"""The window's part of comparing runs: keeping them (``keeping``), the Runs panel
(``panel``) and the comparison dock (``compare_view``, drawn by ``compare_plot``)."""
