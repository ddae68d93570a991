"""The project summaries the window shows (SQL aggregates, no table read whole)."""
from desktop.core.ingest.load import load_file
from desktop.core.store import Project


def test_years_minerals_and_lists(tmp_path):
    prod = tmp_path / "production.csv"
    prod.write_text("mineral,country,year,quantity\nCobalt,COD,2019,1\nCobalt,COD,2023,2\nLithium,AUS,2021,3\n",
                    encoding="utf-8")
    prices = tmp_path / "prices.csv"
    prices.write_text("mineral,year,price,unit\nNickel,2015,10,USD/t\n", encoding="utf-8")
    with Project.open(tmp_path / "p.critmin", create=True) as project:
        assert project.year_range() is None and project.minerals() == [] and project.years_by_import() == {}
        for path in (prod, prices):
            preview = load_file(path)
            project.write_import(preview.tables, preview.source())
        project.con.execute("INSERT INTO lists (list, mineral) VALUES ('watch', 'cobalt'), ('watch', 'gallium')")
        assert project.year_range() == (2015, 2023)
        assert project.minerals() == ["cobalt", "gallium", "lithium", "nickel"]
        assert project.lists() == {"watch": ["cobalt", "gallium"]}
        assert project.years_by_import() == {1: {"production": "2019–2023"}, 2: {"prices": "2015"}}
        # the same years as dataset() derives from the rows it reads
        assert [s["years"] for s in project.dataset().sources] == [{"production": "2019–2023"}, {"prices": "2015"}]
