"""Dutch language knowledge: tokens with offsets, compound splitting, the shipped lexicon."""
