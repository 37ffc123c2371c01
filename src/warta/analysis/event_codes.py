"""CAMEO code refinement for the event coder (private helper of ``events.py``): an outer
verb class applied to its complement, aims of protests and demands, subjects of accusations,
weapons of attacks, places as targets."""

from __future__ import annotations

__all__ = [
    "ACCUSE_WORDS",
    "AERIAL",
    "AIM_CODES",
    "AIM_WORDS",
    "ARMOUR",
    "INNER_MAPS",
    "accusation",
    "aim",
    "lookup",
    "place_code",
    "refine_code",
]

# Inner action -> the code an outer verb of each class gives it. Keys are CAMEO prefixes,
# matched longest first.
INNER_MAPS: dict[str, dict[str, str]] = {
    "03": {
        "04": "036",
        "045": "039",
        "046": "036",
        "05": "032",
        "057": "030",
        "06": "031",
        "061": "0311",
        "062": "0312",
        "063": "0313",
        "064": "0314",
        "07": "033",
        "071": "0331",
        "072": "0332",
        "073": "0333",
        "074": "0334",
        "08": "035",
        "081": "0351",
        "082": "0352",
        "083": "034",
        "0831": "0341",
        "0832": "0342",
        "0833": "0343",
        "0834": "0344",
        "084": "0353",
        "085": "0354",
        "086": "0355",
        "087": "0356",
    },
    "02": {
        "04": "026",
        "045": "028",
        "05": "022",
        "06": "021",
        "061": "0211",
        "062": "0212",
        "063": "0213",
        "064": "0214",
        "07": "023",
        "071": "0231",
        "072": "0232",
        "073": "0233",
        "074": "0234",
        "08": "025",
        "081": "0251",
        "082": "0252",
        "083": "024",
        "0831": "0241",
        "0832": "0242",
        "0833": "0243",
        "0834": "0244",
        "084": "0253",
        "085": "0254",
        "086": "0255",
        "087": "0256",
    },
    "10": {
        "04": "100",
        "045": "108",
        "05": "102",
        "06": "101",
        "061": "1011",
        "062": "1012",
        "063": "1013",
        "064": "1014",
        "07": "103",
        "071": "1031",
        "072": "1032",
        "073": "1033",
        "074": "1034",
        "08": "105",
        "081": "1051",
        "082": "1052",
        "083": "104",
        "0831": "1041",
        "0832": "1042",
        "0833": "1043",
        "0834": "1044",
        "084": "1053",
        "085": "1054",
        "086": "1055",
        "087": "1056",
    },
    "12": {
        "04": "125",
        "045": "126",
        "057": "127",
        "06": "121",
        "061": "1211",
        "062": "1212",
        "07": "122",
        "071": "1221",
        "072": "1222",
        "073": "1223",
        "074": "1224",
        "08": "124",
        "081": "1241",
        "082": "1242",
        "083": "123",
        "0831": "1231",
        "0832": "1232",
        "0833": "1233",
        "0834": "1234",
        "084": "1243",
        "085": "1244",
        "086": "1245",
        "087": "1246",
    },
    "13": {
        "14": "133",
        "143": "133",
        "15": "138",
        "16": "131",
        "161": "1313",
        "162": "1311",
        "163": "1312",
        "164": "134",
        "165": "135",
        "166": "136",
        "17": "130",
        "172": "132",
        "1721": "1321",
        "1722": "1322",
        "1723": "1323",
        "1724": "1324",
        "173": "137",
        "174": "137",
        "175": "137",
        "18": "1383",
        "19": "138",
        "190": "1384",
        "191": "1381",
        "192": "1382",
        "193": "1384",
        "194": "1384",
        "195": "1384",
        "20": "1385",
    },
}


def lookup(table: dict[str, str], code: str) -> str | None:
    for n in (4, 3, 2):
        if code[:n] in table:
            return table[code[:n]]
    return None


def refine_code(outer: str, inner: str) -> str:
    """The code of an outer verb class (intent 03, appeal 02, demand 10, reject 12,
    threaten 13) applied to an inner action: ``refine_code("10", "087") == "1056"``."""
    got = lookup(INNER_MAPS.get(outer[:2], {}), inner)
    return got or outer


AIM_WORDS = (
    (
        "1",
        frozenset(
            {
                "mundur",
                "lengser",
                "pengunduran",
                "pelengseran",
                "menggulingkan",
                "digulingkan",
                "dikembalikan",
                "kepemimpinan",
                "turun",
            }
        ),
    ),
    (
        "4",
        frozenset(
            {
                "kemerdekaan",
                "otonomi",
                "konstitusi",
                "referendum",
                "demokrasi",
                "rezim",
                "demokratis",
            }
        ),
    ),
    ("3", frozenset({"hak", "hak-hak", "kebebasan", "pelanggaran", "diskriminasi", "ham"})),
    (
        "2",
        frozenset(
            {
                "kebijakan",
                "reformasi",
                "keputusan",
                "rancangan",
                "undang-undang",
                "pajak",
                "upah",
                "ketidaksetujuan",
                "kegagalan",
            }
        ),
    ),
)
AIM_CODES = frozenset({"024", "083", "104", "123", "141", "142", "143", "144", "145"})
# What an accusation is about (1121-1125), read from the words after "menuduh".
ACCUSE_WORDS = (
    ("1124", frozenset({"kejahatan perang", "genosida", "pembersihan etnis"})),
    ("1122", frozenset({"hak asasi", "ham", "penyiksaan", "pelecehan"})),
    ("1125", frozenset({"mata-mata", "spionase", "makar", "pengkhianatan", "bekerja sama"})),
    (
        "1123",
        frozenset(
            {
                "gencatan senjata",
                "agresi",
                "menyerang",
                "serangan",
                "pengeboman",
                "invasi",
                "menginvasi",
            }
        ),
    ),
    (
        "1121",
        frozenset(
            {
                "korupsi",
                "suap",
                "penipuan",
                "menyalahgunakan",
                "pencucian",
                "kejahatan",
                "menggelapkan",
                "terorisme",
                "teroris",
            }
        ),
    ),
)
AERIAL = frozenset({"pesawat", "pesawat-pesawat", "helikopter", "jet", "drone", "nirawak", "udara"})
ARMOUR = frozenset({"tank", "tank-tank", "artileri", "meriam", "mortir"})


def accusation(code: str, words: list[str], i: int) -> str:
    if code not in ("112", "111", "110"):
        return code
    text = " " + " ".join(words[i + 1 : i + 14]) + " "
    for sub, vocab in ACCUSE_WORDS:
        if any(f" {v} " in text for v in vocab):
            return sub if code == "112" else code
    return code


def aim(code: str, words: list[str], i: int) -> str:
    """CAMEO splits protests, demands and concessions by their aim (leadership, policy,
    rights, institutions): read it from the words after the verb."""
    if code not in AIM_CODES:
        return code
    window = set(words[i + 1 : i + 16])
    for digit, vocab in AIM_WORDS:
        if window & vocab:
            return code + digit
    return code


def place_code(code: str | None, event: str, capital: bool = False) -> str | None:
    """A place as the target of an event stands for its country; for coercion, violence and
    aid, for the people there (CAMEO's ...CVL); a capital addressed by talk, cooperation or
    pressure ("menjalin hubungan dengan Teheran", "menuntut Moskwa") for its government."""
    if not code:
        return None
    country = code[:3]
    if event[:2] in ("07", "14", "17", "18", "19", "20") or event[:3] in (
            "132", "133", "137", "138", "162"):
        return country + "CVL"
    if capital:
        return country + "GOV"
    return country
