"""The story core: the scene format, the loader with its diagnostics, and the loaded model.

Pure: nothing here imports pygame, and after loading nothing reads the clock or the disk.
"""
