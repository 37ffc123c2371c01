import sqlite3
import subprocess
import sys
import threading

import pytest

from helpers import make_analysis
from warta.errors import QueryError, StoreError
from warta.store import open_store


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
    changed = make_analysis(
        1,
        url="https://contoh.id/a",
        text='Teks yang diperbarui. Menteri A bertemu Menteri B lagi. Ia mengatakan "kerja sama baik".',
    )
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
    assert (
        con.execute("SELECT COUNT(*) FROM documents_fts WHERE doc_id = 'doc0002'").fetchone()[0]
        == 0
    )


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
    assert (
        clusters[0]["num_mentions"] == 3
        and clusters[0]["num_articles"] == 3
        and clusters[0]["num_sources"] == 2
    )


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
    truth = {
        r[0]: r[1:]
        for r in con.execute(
            "SELECT key, COUNT(DISTINCT doc_id), SUM(mentions) FROM entities GROUP BY key"
        )
    }
    assert stats == truth
    assert stats["Menteri B"] == (3, 3)
    assert store.entities(type="PER")["items"][0]["key"] == "warta:a"


def test_schema_1_store_is_migrated(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as s:
        s.put(make_analysis(1, url="https://contoh.id/1"))
    con = sqlite3.connect(path)
    # make it look like a schema-1 store: no generated key, no totals
    con.executescript(
        "DROP INDEX entities_key; DROP TABLE entity_stats;"
        "CREATE TABLE e2 AS SELECT doc_id, entity_id, type, name, kb_id, cameo, country, mentions, tone FROM entities;"
        "DROP TABLE entities; ALTER TABLE e2 RENAME TO entities; PRAGMA user_version = 1;"
    )
    con.close()
    with open_store(path) as s:
        assert s.entity("warta:a")["articles"] == 1
        assert s.entities()["total"] == 3


def test_lone_surrogates_are_stored_as_replacement_characters(store):
    text = 'Menteri A bertemu Menteri B di Kota Contoh. Ia mengatakan "kerja sama baik". Emoji \ud83d terpotong.'
    a = make_analysis(1, url="https://contoh.id/s", text=text)
    a.article.title = "Judul \ud83d"
    a.entities[0].name = "Menteri A\udc00"
    doc_id, created = store.put(a)
    assert created
    got = store.get(doc_id)
    assert got.article.title == "Judul \ufffd"
    assert got.article.text == text.replace("\ud83d", "\ufffd")
    assert len(got.article.text) == len(text)  # one for one: every offset still holds
    assert got.entities[0].name == "Menteri A\ufffd"
    assert [h.id for h in store.search("terpotong")] == [doc_id]
    assert a.article.title == "Judul \ud83d"  # the caller's record is not rewritten


def test_id_prefix_is_literal_not_a_like_pattern(store):
    store.put(make_analysis(1))  # id doc0001
    assert store.get("doc00").article.id == "doc0001"
    assert store.get("doc_") is None
    assert store.get("%") is None
    assert store.get("d_c0001") is None


def test_code_and_name_filters_take_underscores_literally(store):
    store.put(make_analysis(1))
    assert store.events(actor="IDN")["total"] == 1
    assert store.events(actor="I_N")["total"] == 0
    assert store.events(source="I%")["total"] == 0
    assert len(store.quotes(speaker="Menteri A")) == 1
    assert store.quotes(speaker="Menteri_A") == []
    assert store.quotes(mentioning="sama%baik") == []


BAD_DATES = [
    "2025-13-45",
    "2025-02-30",
    "2025-00",
    "2025-13",
    "0000",
    "2025-1-5",
    "kemarin",
    "2025-01-01T25:00",
]


@pytest.mark.parametrize("bad", BAD_DATES)
def test_impossible_dates_are_a_clear_query_error(store, bad):
    store.put(make_analysis(1))
    reads = [
        lambda: store.search("bertemu", since=bad),
        lambda: store.search(None, until=bad),
        lambda: store.articles(since=bad),
        lambda: store.facets(until=bad),
        lambda: store.quotes(since=bad),
        lambda: store.events(until=bad),
        lambda: store.event_timeline(since=bad),
        lambda: store.network(until=bad),
        lambda: store.iter_analyses(since=bad),
    ]
    for read in reads:
        with pytest.raises(QueryError) as info:
            read()
        assert repr(bad) in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(
    "good", ["2024", "2024-03", "2024-03-03", "2024-03-03T10:00", "2024-03-03 10:00:00"]
)
def test_real_dates_of_every_accepted_form_filter(store, good):
    for n in range(5):
        store.put(make_analysis(n, url=f"https://contoh.id/{n}"))
    expected = sum(f"2024-03-0{1 + n % 9}T10:00:00" >= good for n in range(5))
    assert store.articles(since=good)["total"] == expected
    assert len(list(store.iter_analyses(since=good))) == expected


def test_reingesting_keeps_the_links_of_a_group(store):
    first = make_analysis(1, url="https://a.id/1", text=LONG)
    copy = make_analysis(2, url="https://b.id/2", text=LONG + " (ant)")
    store.put(first)
    store.put(copy)
    # The canonical article read again must not become a copy of its own copy.
    store.put(make_analysis(1, url="https://a.id/1", text=LONG))
    store.put(make_analysis(2, url="https://b.id/2", text=LONG + " (ant)"))
    assert store.get("doc0001").article.duplicate_of is None
    assert store.get("doc0002").article.duplicate_of == "doc0001"


def _as_schema_2(path):
    """Make the store at ``path`` look as warta wrote it before schema 3: no band keys."""
    con = sqlite3.connect(path)
    con.executescript("DROP TABLE minhash_bands; PRAGMA user_version = 2;")
    con.close()


def test_schema_2_store_is_migrated_and_finds_earlier_near_duplicates(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as s:
        s.put(make_analysis(1, url="https://a.id/1", text=LONG))
        s.put(make_analysis(2, url="https://b.id/2", text="BERITA: " + LONG))
    _as_schema_2(path)
    with open_store(path) as s:
        assert s.get("doc0002").article.duplicate_of == "doc0001"  # kept
        s.put(make_analysis(3, url="https://c.id/3", text=LONG + " Tambahan kecil."))
        assert s.get("doc0003").article.duplicate_of == "doc0001"
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 3
    assert con.execute("SELECT COUNT(DISTINCT doc_id) FROM minhash_bands").fetchone()[0] == 3


def test_store_from_before_near_duplicates_is_migrated(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as s:
        for n, text in ((1, LONG), (2, "BERITA: " + LONG)):
            a = make_analysis(n, url=f"https://{n}.id/{n}", text=text)
            a.events[0].date = "2024-03-01"
            a.article.outlet = f"outlet{n}"
            s.put(a)
    # The first schema-1 stores: no signatures, no links, clusters counting every copy.
    con = sqlite3.connect(path)
    con.executescript(
        "DROP VIEW event_clusters; DROP TABLE minhash_bands;"
        " ALTER TABLE documents DROP COLUMN minhash; ALTER TABLE documents DROP COLUMN duplicate_of;"
        " UPDATE documents SET analysis = json_remove(analysis, '$.article.duplicate_of');"
        " CREATE VIEW event_clusters AS SELECT e.source_code, e.target_code, e.cameo, e.date,"
        " COUNT(*) AS num_mentions, COUNT(DISTINCT e.doc_id) AS num_articles FROM events e"
        " GROUP BY e.source_code, e.target_code, e.cameo, e.date;"
        " PRAGMA user_version = 1;"
    )
    con.close()
    with open_store(path) as s:
        assert s.get("doc0001").article.duplicate_of is None
        assert s.get("doc0002").article.duplicate_of == "doc0001"
        (cluster,) = s.event_clusters()
        assert (cluster["num_mentions"], cluster["num_articles"], cluster["num_sources"]) == (
            1,
            1,
            2,
        )


def test_store_from_a_newer_warta_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "new.db"
    with open_store(path) as s:
        s.put(make_analysis(1))
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 99")
    con.close()
    with pytest.raises(StoreError) as info:
        open_store(path)
    assert "99" in str(info.value)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 99
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1


def test_two_processes_opening_an_old_store_migrate_it_once(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as s:
        for n in range(3):
            s.put(make_analysis(n, url=f"https://contoh.id/{n}"))
    _as_schema_2(path)
    code = "import sys; from warta.store import open_store; open_store(sys.argv[1]).close()"
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(path)], stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    con = sqlite3.connect(path)
    assert con.execute("SELECT COUNT(*) FROM minhash_bands").fetchone()[0] == 3 * 5


def test_a_read_over_the_time_limit_is_stopped_with_a_query_error(store, monkeypatch):
    import warta.store.connections

    monkeypatch.setattr(warta.store.connections, "READ_TIME_LIMIT", 0.0)
    endless = (
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c"
    )
    with pytest.raises(QueryError) as info:
        store._query(endless, what="count")
    assert "count took longer than 0 s and was stopped" in str(info.value)
