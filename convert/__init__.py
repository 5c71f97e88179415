"""convert: bulletin text → TEI P5 → PDF/A, EPUB 3 and plain text.

Data flows one way: a reader (:mod:`convert.reader`) builds the TEI model from
bulletin text, writers (:mod:`convert.writers`) render that model.
"""

__version__ = "0.1.0"
