"""The validators' former home: they are the package :mod:`convert.validators` now (one module
per format, below the writers, so that imports flow one way). This module keeps the old import
path of their public functions for code written against it; new code imports
:mod:`convert.validators`."""

from convert.validators import (Verdict, check_tei, check_tei_file, external_checks, own_schema, run_epubcheck,
                                run_jing, run_pdfa_check, run_preflight)

__all__ = ["Verdict", "check_tei", "check_tei_file", "external_checks", "own_schema", "run_epubcheck", "run_jing",
           "run_pdfa_check", "run_preflight"]
