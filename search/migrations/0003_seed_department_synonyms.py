"""More seed synonyms: the short names citizens use for the center's departments, and trades."""

from django.db import migrations

SEED = [
    ("社保所，社会保障所，人社所，劳动保障所", "社会保障所"),
    ("医保站，医保所，医疗保障站，医保办", "医保站"),
    ("民政办，民政所，民政", "民政办"),
    ("派出所，公安派出所，户籍室，户籍窗口", "派出所"),
    ("自规所，自然资源所，国土所，自然资源和规划所，规划所", "自然资源和规划所"),
    ("市监所，市场监管所，工商所", "市场监管所"),
    ("卫健办，卫生健康办，计生办", "卫健办"),
    ("残联，残疾人联合会", "残联"),
    ("退役军人服务站，退役军人站，退役军人事务站", "退役军人服务站"),
    ("农业农村办，农办，农业办", "农业农村办"),
    ("饭馆，饭店，餐馆，小吃店，小餐饮，餐饮", "餐饮"),
    ("请律师，打官司，法律援助", "法律援助"),
    ("丢了，遗失，丢失，补办，补领", "遗失"),
    ("小超市，超市，便利店，小卖部，开店", "开店"),
    ("困难户，困难家庭，贫困户，低保", "困难家庭"),
    ("生病，看病，就医，住院", "就医"),
    ("迁入，迁进来，迁过来，迁回来，迁回", "迁入"),
    ("迁出，迁走，迁出去", "迁出"),
]


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("portal_search", "SynonymGroup")
    for terms, note in SEED:
        SynonymGroup.objects.get_or_create(terms=terms, defaults={"note": note})


def unseed(apps, schema_editor):
    SynonymGroup = apps.get_model("portal_search", "SynonymGroup")
    SynonymGroup.objects.filter(terms__in=[terms for terms, _ in SEED]).delete()


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_seed_synonyms")]

    operations = [migrations.RunPython(seed, unseed)]
