"""mamori (守り): procure and use generative AI the way the Digital Agency's guideline DS-920 asks."""

__version__ = "0.1.0"
