"""Indonesian function words and clause boundaries for the event coder (private helper of
``events.py``): negation, modality, conditions, prepositions, attribution, subordinators."""

from __future__ import annotations

from collections.abc import Collection

__all__ = [
    "ATTRIB",
    "BACKGROUND",
    "COMPLEMENT_ROOTS",
    "COND",
    "CONTENT_NOUNS",
    "COORD",
    "FUTURE",
    "HYPO",
    "MOVES",
    "NEG",
    "PREP",
    "PUNCT_STOP",
    "PURPOSE",
    "QUOTES",
    "REL_FILLERS",
    "SPEECH",
    "STOP_PHRASES",
    "SUBORD",
    "TIME_WORDS",
    "TOPIC",
    "boundary",
    "clause_start",
    "in_background",
    "in_condition",
    "later_condition",
    "left_context",
    "relative",
]

NEG = frozenset({"tidak", "tak", "belum", "bukan", "enggan", "tanpa", "jangan", "urung", "gagal"})
# Clauses that give the background of the main event ("setelah ...", "sejak ...").
BACKGROUND = frozenset(
    {
        "setelah",
        "sejak",
        "sebelum",
        "menyusul",
        "akibat",
        "karena",
        "sebab",
        "usai",
        "seusai",
        "pasca",
        "ketika",
        "saat",
        "sementara",
        "meskipun",
        "walaupun",
        "sewaktu",
        "tatkala",
    }
)
REL_FILLERS = frozenset(
    {
        "telah",
        "sudah",
        "akan",
        "tengah",
        "baru",
        "sedang",
        "pernah",
        "kini",
        "juga",
        "tidak",
        "tak",
        "belum",
        "masih",
        "terus",
        "lalu",
        "sempat",
        "dapat",
        "bisa",
        "mulai",
        "kembali",
    }
)
FUTURE = frozenset(
    {
        "akan",
        "bakal",
        "hendak",
        "berencana",
        "berniat",
        "ingin",
        "mau",
        "siap",
        "bersedia",
        "berjanji",
        "bertekad",
        "berharap",
        "sepakat",
        "setuju",
        "menawarkan",
        "berkomitmen",
        "merencanakan",
    }
)
HYPO = frozenset(
    {"mungkin", "kemungkinan", "barangkali", "seandainya", "andai", "andaikan", "bisa", "dapat"}
)
COND = frozenset(
    {
        "jika",
        "apabila",
        "kalau",
        "bila",
        "jikalau",
        "seandainya",
        "andaikan",
        "kecuali",
        "asalkan",
        "sekiranya",
        "manakala",
    }
)
PURPOSE = frozenset({"untuk", "guna", "demi", "agar", "supaya"})
MOVES = frozenset({"langkah", "keputusan", "memutuskan", "sepakat", "bersepakat"})
ATTRIB = frozenset(
    {
        "kata",
        "ujar",
        "tutur",
        "ungkap",
        "jelas",
        "tulis",
        "lapor",
        "demikian",
        "menurut",
        "sebut",
        "papar",
        "imbuh",
        "tambah",
        "katanya",
        "ujarnya",
        "tuturnya",
        "ungkapnya",
        "jelasnya",
        "dikutip",
        "mengutip",
        "melansir",
        "dilansir",
        "tegas",
        "tegasnya",
        "terang",
        "seru",
        "tukas",
    }
)
SUBORD = (
    frozenset(
        {
            "sementara",
            "setelah",
            "sebelum",
            "karena",
            "ketika",
            "saat",
            "sehingga",
            "meskipun",
            "walaupun",
            "namun",
            "tetapi",
            "tapi",
            "sedangkan",
            "sejak",
            "sebab",
            "menyusul",
            "seusai",
            "usai",
            "sambil",
            "padahal",
            "selagi",
            "sewaktu",
            "tatkala",
        }
    )
    | COND
)
PREP = frozenset(
    {
        "di",
        "ke",
        "dari",
        "kepada",
        "dengan",
        "pada",
        "terhadap",
        "dalam",
        "atas",
        "oleh",
        "antara",
        "untuk",
        "bagi",
        "menurut",
        "tentang",
        "mengenai",
        "melawan",
        "menentang",
        "soal",
        "sebagai",
        "seperti",
        "bersama",
        "tanpa",
        "daripada",
        "kecuali",
        "via",
        "lewat",
        "melalui",
    }
)
COORD = frozenset(
    {
        ",",
        "dan",
        "serta",
        "maupun",
        "atau",
        "seperti",
        "termasuk",
        "sekutunya",
        "sekutu",
        "mitranya",
        "mitra",
        "para",
        "juga",
        "beserta",
        "bersama",
    }
)
PUNCT_STOP = frozenset({";", ":", "?", "!", "“", "”", '"'})
QUOTES = frozenset({"“", "”", '"', "'"})
# "menangkap" is "arrest" only when people are caught: fishers catch fish, governments
# "seize" opportunities and leaders "catch" signals.
_CAUGHT_THINGS = ("peluang", "kesempatan", "momentum", "sinyal", "isyarat", "pesan", "makna",
                  "aspirasi", "keluhan", "ikan", "udang", "kepiting", "cumi", "cumi-cumi",
                  "gurita", "lobster", "benur", "benih", "burung", "tikus", "ular", "hewan",
                  "satwa", "bola", "gambar", "layar", "suara", "cahaya", "karbon", "hujan")
STOP_PHRASES = (
    ("menahan", "diri"),
    ("menyerang", "balik"),
    ("ditahan", "imbang"),
    ("menahan", "imbang"),
    ("menahan", "laju"),
    *(("menangkap", thing) for thing in _CAUGHT_THINGS),
)

SPEECH = frozenset(
    {
        "mengatakan",
        "menyatakan",
        "berkata",
        "menegaskan",
        "menekankan",
        "menggarisbawahi",
        "mengungkapkan",
        "menjelaskan",
        "mengaku",
        "mengumumkan",
        "menyebutkan",
        "memastikan",
        "mengklaim",
        "berharap",
        "mengharapkan",
        "berjanji",
        "mengingatkan",
        "menambahkan",
        "kata",
        "ujar",
        "tutur",
    }
)

# Roots whose complement verb is the content of the act, not an event of its own.
COMPLEMENT_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})


def boundary(words: list[str], i: int) -> bool:
    w = words[i]
    return w in PUNCT_STOP or w == "," or w in SUBORD or w == "bahwa" or not w.strip()


def clause_start(words: list[str], i: int) -> int:
    j = i - 1
    while j >= 0 and not boundary(words, j):
        j -= 1
    return j + 1


def left_context(words: list[str], i: int, limit: int = 5) -> list[str]:
    j, out = i - 1, []
    while j >= 0 and len(out) < limit and not boundary(words, j):
        out.append(words[j])
        j -= 1
    return out


def _opened_by(words: list[str], i: int, openers: frozenset[str], stops: Collection[str]) -> bool:
    """Whether word ``i`` sits in a clause that one of ``openers`` starts: scanning left, an
    opener comes before punctuation, a comma or one of ``stops``."""
    for j in range(i - 1, -1, -1):
        w = words[j]
        if w in openers:
            return True
        if w in PUNCT_STOP or w == "," or w in stops:
            return False
    return False


def in_condition(words: list[str], i: int) -> bool:
    return _opened_by(words, i, COND, SUBORD)


# Nouns whose relative clause is their content: "pernyataan yang menuntut ..." is a demand.
CONTENT_NOUNS = frozenset(
    {
        "pernyataan",
        "resolusi",
        "surat",
        "komunike",
        "deklarasi",
        "keputusan",
        "maklumat",
        "ultimatum",
        "seruan",
        "imbauan",
    }
)


def relative(words: list[str], i: int) -> bool:
    j = i - 1
    while j >= 0 and words[j] in REL_FILLERS:
        j -= 1
    return j >= 0 and words[j] == "yang" and not (j > 0 and words[j - 1] in CONTENT_NOUNS)


def in_background(words: list[str], i: int) -> bool:
    return _opened_by(words, i, BACKGROUND, ("bahwa", "dan", "tetapi", "namun"))


def later_condition(words: list[str], i: int) -> int | None:
    for j in range(i + 1, len(words)):
        if words[j] in COND:
            return j
        if words[j] in (";",):
            return None
    return None


TIME_WORDS = frozenset(
    [
        "senin",
        "selasa",
        "rabu",
        "kamis",
        "jumat",
        "sabtu",
        "minggu",
        "hari",
        "ini",
        "kemarin",
        "pekan",
        "bulan",
        "tahun",
        "lalu",
        "pagi",
        "siang",
        "sore",
        "malam",
        "dini",
        "depan",
        "kini",
    ]
)


TOPIC = frozenset({"mengenai", "tentang", "soal", "terkait", "perihal", "seputar"})
