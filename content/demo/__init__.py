"""Demo content of the fictional 示范镇便民服务中心 (public site part).

`load` is listed in settings.DEMO_LOADERS and called by `manage.py load_demo`.
"""

from .loader import load

__all__ = ["load"]
