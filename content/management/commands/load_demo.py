"""python manage.py load_demo — load the demo site once (idempotent) and print the demo logins."""

import inspect

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from content.demo import county, people

DEFAULT_LOADERS = ["content.demo.load"]


class Command(BaseCommand):
    help = (
        "载入示范数据（示范镇便民服务中心）。依次调用 settings.DEMO_LOADERS 中的每个载入函数；"
        "已经载入过的部分会跳过，可以反复运行。最后打印示范账号。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            default=8000,
            help="打印各中心门户地址时使用的端口（make run 的 PORT）",
        )

    def handle(self, *args, **options):
        for path in getattr(settings, "DEMO_LOADERS", DEFAULT_LOADERS):
            loader = import_string(path)
            # Loaders may report what they did; those that take no stdout stay silent.
            if "stdout" in inspect.signature(loader).parameters:
                loaded = loader(stdout=self.stdout)
            else:
                loaded = loader()
            if loaded is False:
                self.stdout.write(f"{path}：示范数据已存在，跳过。")
        self.stdout.write(
            self.style.SUCCESS("示范账号（仅供演示，正式部署前务必删除或修改密码）：")
        )
        for username, password, role in (people.ADMIN, people.EDITOR, people.REVIEWER):
            self.stdout.write(f"  {role}：用户名 {username}  密码 {password}")
        self.stdout.write("  管理后台：/admin/")
        if county.is_loaded():
            self.stdout.write(self.style.SUCCESS("各中心门户（*.localhost 由浏览器解析到本机）："))
            for name, url in county.portal_urls(options["port"]):
                self.stdout.write(f"  {name}：{url}")
            for line in county.account_lines():
                self.stdout.write(line)
