"""CritMin — 关键矿产供应链安全分析工作台 (critical-mineral supply-chain security workbench)."""

__version__ = "0.1.0"
APP_NAME = "CritMin"
