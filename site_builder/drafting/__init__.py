"""The drafting wing: article text -> draft claims.

``importer`` turns a saved page into an article file, ``sentences`` splits its text, ``checkworthiness``
scores each sentence, ``attribution`` finds who made it, and ``extract`` turns the best into draft
claims. Nothing here is needed to build a site: the publishing core never imports this package.
"""

# The defaults of `site-builder extract --min-score/--top`, chosen on the news set (benchmarks/news.py).
DEFAULT_MIN_SCORE = 0.45
DEFAULT_TOP = 10
