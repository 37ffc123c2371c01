"""Helpers of scripts/build_knowledge.py: readers of the hand-written fact tables."""
