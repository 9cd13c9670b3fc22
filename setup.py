"""Build script: the package list, which pyproject.toml cannot compute.

Everything else is in pyproject.toml. `resources/` (fonts, icons, deployment files)
stays at the top of the repository and becomes the package `kiosk.resources` through
``[tool.setuptools.package-dir]``; setuptools' package discovery only finds packages
whose folder bears their name, so that one is added here.
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["kiosk", "kiosk.*"]), "kiosk.resources"])
