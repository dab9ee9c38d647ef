"""luv's version: the one place it is written (module, tests, packaging)."""

LUV_VERSION = "0.1.0"
