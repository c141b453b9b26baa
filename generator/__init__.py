"""newsdigest: a static site generator for multilingual news digests."""

__version__ = "0.1.0"
