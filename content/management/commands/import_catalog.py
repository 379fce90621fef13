"""python manage.py import_catalog FILE.json — bring a catalog in the exchange format into the site."""

import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from centers.models import Center
from content.catalog_exchange.importer import (
    CatalogImporter,
    MissingCatalogPage,
    RecordImportError,
)
from content.catalog_exchange.schema import CatalogFormatError, load_catalog, parse_catalog
from content.standard_catalog.places import catalog_of


class Command(BaseCommand):
    help = (
        "导入办事指南交换格式的 JSON 文件（与 /api/v1/catalog/ 输出的格式相同，字段见 content/catalog_exchange/schema.py）。按事项编码 code 新建或更新指南；"
        "内容未变的记录跳过，不产生新版本，重复导入同一文件不会有任何改变。"
        "每条记录单独校验、单独提交：出错的记录逐条报告（序号、编码、原因），其余记录照常导入；"
        "收费事项未写收费依据按错误处理。"
        "导入是受信任的管理员所做的管理操作，默认直接发布；加 --draft 则只保存为草稿版本并提交审核流程。"
        "FILE 为 - 时从标准输入读取。有记录失败时退出码为 1。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON 文件路径，- 表示标准输入")
        parser.add_argument(
            "--draft",
            action="store_true",
            help="不直接发布：保存为草稿版本并提交“审核发布”流程，由审核人批准后公开",
        )
        parser.add_argument("--user", help="记录在版本历史中的操作人用户名")
        parser.add_argument(
            "--center",
            help="导入到该中心（中心代码）站点的办事指南目录；不指定时导入到第一个目录",
        )
        parser.add_argument(
            "--progress", action="store_true", help="显示进度条（输出到终端时默认显示）"
        )

    def handle(self, *args, **options):
        records = self._read(options["file"])
        user = self._user(options["user"])
        try:
            importer = CatalogImporter(
                user=user, publish=not options["draft"], catalog=self._catalog(options["center"])
            )
        except MissingCatalogPage as exc:
            raise CommandError(str(exc)) from exc

        counts = {"created": 0, "updated": 0, "unchanged": 0, "failed": 0}
        show_progress = options["progress"] or self.stdout.isatty()
        parsed_records = tqdm(
            parse_catalog(records),
            total=len(records),
            disable=not show_progress,
            unit="条",
            file=sys.stderr,
        )
        for parsed in parsed_records:
            if not parsed.ok:
                counts["failed"] += 1
                reasons = "；".join(parsed.errors)
                self._report(parsed_records, self.style.ERROR(f"失败 {parsed.label}：{reasons}"))
                continue
            try:
                outcome = importer.import_record(parsed.data)
            except RecordImportError as exc:
                counts["failed"] += 1
                self._report(parsed_records, self.style.ERROR(f"失败 {parsed.label}：{exc}"))
                continue
            counts[outcome] += 1
            # Warnings only matter for records that made it in; a failed record's errors say enough.
            for warning in parsed.warnings:
                self._report(parsed_records, self.style.WARNING(f"提示 {parsed.label}：{warning}"))

        summary = (
            f"共 {len(records)} 条：新建 {counts['created']}，更新 {counts['updated']}，"
            f"未变 {counts['unchanged']}，失败 {counts['failed']}。"
        )
        if options["draft"] and (counts["created"] or counts["updated"]):
            summary += "新建和更新的指南已保存为草稿并提交审核，审核通过后公开。"
        if counts["failed"]:
            raise CommandError(summary, returncode=1)
        self.stdout.write(self.style.SUCCESS(summary))

    def _read(self, path):
        try:
            if path == "-":
                stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin
                return load_catalog(stream)
            with open(path, "rb") as stream:
                return load_catalog(stream)
        except FileNotFoundError as exc:
            raise CommandError(f"找不到文件：{path}") from exc
        except CatalogFormatError as exc:
            raise CommandError(f"{path}：{exc}") from exc

    def _user(self, username):
        if not username:
            return None
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"找不到用户：{username}") from exc

    def _catalog(self, code):
        if not code:
            return None
        center = Center.objects.filter(code=code).first()
        if center is None:
            raise CommandError(f"没有代码为“{code}”的中心")
        catalog = catalog_of(center)
        if catalog is None:
            raise CommandError(f"{center.name}的站点中还没有“办事指南目录”页面，无法导入")
        return catalog

    def _report(self, progress, message):
        # tqdm.write keeps the bar intact; without a bar write straight to the command's stdout.
        if progress.disable:
            self.stdout.write(message)
        else:
            progress.write(message, file=sys.stdout)
