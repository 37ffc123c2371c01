import sqlite3
import threading

import pytest

from warta.errors import QueryError, StoreError
from warta.store import open_store

from helpers import make_analysis


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "w.db") as s:
        yield s


def test_put_and_get_round_trip(store):
    a = make_analysis(1, url="https://contoh.id/a")
    doc_id, created = store.put(a)
    assert created
    assert store.get(doc_id) == a
    assert store.get(doc_id[:5]).article.id == doc_id


def test_reingest_same_url_updates_not_duplicates(store):
    store.put(make_analysis(1, url="https://contoh.id/a"))
    changed = make_analysis(1, url="https://contoh.id/a", text='Teks yang diperbarui. Menteri A bertemu Menteri B lagi. Ia mengatakan "kerja sama baik".')
    doc_id, created = store.put(changed)
    assert not created
    assert store.count() == 1
    assert "diperbarui" in store.get(doc_id).article.text


def test_reingest_same_text_without_url_updates(store):
    store.put(make_analysis(2))
    a = make_analysis(2)
    a.article.text = "  " + a.article.text.upper() + "  "  # same normalised text
    _, created = store.put(a)
    assert not created and store.count() == 1


def test_search_fts_and_filters(store):
    for n in range(5):
        store.put(make_analysis(n, url=f"https://contoh.id/{n}"))
    hits = store.search("bertemu")
    assert len(hits) == 5 and all("bertemu" in h.snippet.lower() for h in hits)
    assert store.search("tidakadakatainisamasekali") == []
    assert len(store.search(None, theme="DIPLOMACY")) == 5
    assert len(store.search("bertemu", entity="IDNGOV", since="2024-03-03")) == 3


@pytest.mark.parametrize("bad", ['"unbalanced', "AND OR", "x" * 2000, "col:", "NEAR("])
def test_malformed_query_is_a_clear_error(store, bad):
    store.put(make_analysis(1))
    with pytest.raises(QueryError) as info:
        store.search(bad)
    assert "\n" not in str(info.value)


def test_failed_write_leaves_nothing_behind(store, monkeypatch):
    store.put(make_analysis(1, url="https://contoh.id/1"))
    bad = make_analysis(2, url="https://contoh.id/2")
    bad.events[0].cameo = None  # NOT NULL column: the insert fails midway
    with pytest.raises(StoreError):
        store.put(bad)
    assert store.count() == 1
    con = sqlite3.connect(store.path)
    assert con.execute("SELECT COUNT(*) FROM entities WHERE doc_id = 'doc0002'").fetchone()[0] == 0
    assert con.execute("SELECT COUNT(*) FROM documents_fts WHERE doc_id = 'doc0002'").fetchone()[0] == 0


def test_quotes_tone_and_event_clusters(store):
    for n in range(3):
        a = make_analysis(n, url=f"https://contoh.id/{n}")
        a.events[0].date = "2024-03-01"
        a.article.outlet = f"outlet{n % 2}"
        store.put(a)
    rows = store.quotes(speaker="Menteri A")
    assert len(rows) == 3 and rows[0]["text"] == "kerja sama baik"
    assert store.quotes(speaker="Nobody") == []
    series = store.tone_over_time("Menteri A")
    assert sum(r["articles"] for r in series) == 3
    clusters = store.event_clusters()
    assert len(clusters) == 1
    assert clusters[0]["num_mentions"] == 3 and clusters[0]["num_articles"] == 3 and clusters[0]["num_sources"] == 2


def test_reads_from_other_threads(store):
    store.put(make_analysis(1))
    seen = []
    t = threading.Thread(target=lambda: seen.append(store.count()))
    t.start()
    t.join()
    assert seen == [1]


LONG = (
    "Pemerintah kota mengumumkan rencana pembangunan jalur kereta ringan baru yang akan menghubungkan "
    "pusat kota dengan bandara. Proyek itu diperkirakan selesai dalam tiga tahun dan menelan biaya besar. "
    "Wali kota mengatakan warga akan dilibatkan dalam konsultasi publik sebelum pembangunan dimulai. "
    "Sejumlah pengamat transportasi menilai rencana itu penting untuk mengurangi kemacetan yang parah. "
    'Ia mengatakan "kerja sama baik" menjadi kunci.'
)


def test_near_duplicates_link_to_the_canonical_article_and_count_once(store):
    first = make_analysis(1, url="https://a.id/1", text=LONG)
    copy = make_analysis(2, url="https://b.id/2", text="REPUBLIKASI: " + LONG + " (ant)")
    other = make_analysis(3, url="https://c.id/3")
    for a in (first, copy, other):
        a.events[0].date = "2024-03-01"
        a.article.outlet = a.article.url.split("/")[2]
        store.put(a)
    assert store.get(first.article.id).article.duplicate_of is None
    assert store.get(copy.article.id).article.duplicate_of == first.article.id
    assert store.get(other.article.id).article.duplicate_of is None
    (cluster,) = store.event_clusters()
    assert (cluster["num_mentions"], cluster["num_articles"], cluster["num_sources"]) == (2, 2, 3)


def test_dedup_index_survives_reopening(tmp_path):
    path = tmp_path / "w.db"
    with open_store(path) as s:
        s.put(make_analysis(1, url="https://a.id/1", text=LONG))
    with open_store(path) as s:
        copy = make_analysis(2, url="https://b.id/2", text=LONG + " Tambahan kecil.")
        s.put(copy)
        assert s.get(copy.article.id).article.duplicate_of == "doc0001"


def test_entity_totals_stay_in_step_with_updates(store):
    for n in range(4):
        store.put(make_analysis(n, url=f"https://contoh.id/{n}"))
    changed = make_analysis(1, url="https://contoh.id/1")
    changed.entities = changed.entities[:1]  # Menteri B and Kota Contoh leave this article
    store.put(changed)
    con = sqlite3.connect(store.path)
    stats = {r[0]: r[1:] for r in con.execute("SELECT key, articles, mentions FROM entity_stats")}
    truth = {r[0]: r[1:] for r in con.execute(
        "SELECT key, COUNT(DISTINCT doc_id), SUM(mentions) FROM entities GROUP BY key")}
    assert stats == truth
    assert stats["Menteri B"] == (3, 3)
    assert store.entities(type="PER")["items"][0]["key"] == "warta:a"


def test_schema_1_store_is_migrated(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as s:
        s.put(make_analysis(1, url="https://contoh.id/1"))
    con = sqlite3.connect(path)
    # make it look like a schema-1 store: no generated key, no totals
    con.executescript("DROP INDEX entities_key; DROP TABLE entity_stats;"
                      "CREATE TABLE e2 AS SELECT doc_id, entity_id, type, name, kb_id, cameo, country, mentions, tone FROM entities;"
                      "DROP TABLE entities; ALTER TABLE e2 RENAME TO entities; PRAGMA user_version = 1;")
    con.close()
    with open_store(path) as s:
        assert s.entity("warta:a")["articles"] == 1
        assert s.entities()["total"] == 3
