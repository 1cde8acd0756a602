"""One schema per table: the loader, the own-data checks and data/README.md agree with salesnb.schema."""

import re

import pandas as pd
import pytest

from salesnb import data, schema

README = data.DATA_DIR / "README.md"


def readme_tables() -> dict[str, list[tuple[str, str, str]]]:
    """{table: [(column, NL description, type text)]} from the README's data dictionary."""
    text = README.read_text(encoding="utf-8")
    tables = {}
    for section in re.split(r"^### ", text, flags=re.M)[1:]:
        name = section.split(" ", 1)[0]
        rows = []
        for line in section.splitlines():
            if not line.startswith("| ") or line.startswith("| column"):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
            names = [n.strip() for n in cells[0].split(",")]
            meanings = [m.strip() for m in cells[1].split(",")]
            types = [t.strip() for t in cells[-1].split(",")] if cells[-1].count(",") == len(names) - 1 \
                and not cells[-1].startswith("cat:") else [cells[-1]] * len(names)
            for i, column in enumerate(names):
                meaning = meanings[i] if len(names) > 1 and len(meanings) == len(names) else cells[1]
                rows.append((column, meaning, types[i]))
        tables[name] = rows
    return tables


def test_readme_describes_every_table_of_the_schema():
    assert list(readme_tables()) == list(schema.SCHEMAS) == list(data.TABLES)


@pytest.mark.parametrize("table", list(schema.SCHEMAS))
def test_readme_columns_kinds_values_and_descriptions_match_the_schema(table):
    rows = readme_tables()[table]
    columns = schema.SCHEMAS[table]
    assert [r[0] for r in rows] == [c.name for c in columns]
    for (name, meaning, type_text), column in zip(rows, columns):
        assert type_text.split(":")[0].split(" ")[0] == column.kind, (table, name, type_text)
        if meaning != "als bij customers":
            assert meaning == column.meaning, (table, name)
        if column.kind == "cat" and ":" in type_text and "provinces" not in type_text:
            listed = re.split(r"\s*(?:<|;|,)\s*", type_text.split(":", 1)[1].strip())
            assert tuple(listed) == tuple(column.values), (table, name)
            assert (" < " in type_text) == column.ordered, (table, name)


@pytest.mark.parametrize("table", list(schema.SCHEMAS))
def test_the_loader_types_with_the_schema(table):
    expected = schema.dtypes(table)
    assert list(data.SCHEMA[table]) == list(expected)
    for name, kind in data.SCHEMA[table].items():
        if isinstance(kind, pd.CategoricalDtype):
            assert list(kind.categories) == list(expected[name].categories), (table, name)
            assert kind.ordered == expected[name].ordered, (table, name)
        else:
            assert kind == expected[name], (table, name)
    loaded = data.load(table)
    assert list(loaded.columns) == [c.name for c in schema.SCHEMAS[table]]


def test_provinces_are_the_generators_provinces():
    assert schema.PROVINCES == tuple(data.PROVINCE_NAMES)


def test_own_data_reads_the_schema_columns():
    from salesnb import owndata

    for table in schema.OWN_TABLES:
        assert [c.name for c in owndata.SCHEMAS[table]] == [c.name for c in schema.own_columns(table)]
    assert schema.OWN_TABLES == ("customers", "orders", "leads", "nps")
