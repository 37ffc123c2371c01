"""Word lists for the quotation finder (``warta.analysis.quotes``).

Plain data, kept apart from the matching code so a linguist can extend a list without
reading the grammar. All entries are lower case; the matcher lower-cases what it compares.
"""

from __future__ import annotations

from warta.lang.id import lexicon

__all__ = [
    "BARE_CUES",
    "MEN_CUES",
    "NP_STOP",
    "OUTLETS",
    "OUTLET_HINTS",
    "PRONOUNS",
    "RELAY_VERBS",
    "TERM_MARKERS",
    "TITLE_ABBREVIATIONS",
    "TITLE_WORDS",
    "WEAK_MEN_CUES",
]


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Bare speech verbs used after a quotation ("...," kata Putin) and with -nya ("ujarnya").
BARE_CUES = lexicon().words("speech_verbs")

# meN-/ber- speech verbs: "X mengatakan (bahwa) ...", "..., Putin menambahkan."
MEN_CUES = lexicon().words("speech_verbs_men")

# Verbs that, used without a clause after them, take an NP object rather than a report;
# they only make an indirect quotation when "bahwa", a comma or a clause opener follows.
WEAK_MEN_CUES = _words(
    """
    menyampaikan mengucapkan berharap meminta mendesak mengimbau menanggapi menyinggung
    mengomentari mengingatkan melanjutkan menjawab meyakini menganggap menyebutnya
    menuliskan memastikan mencatat
    """
)

# Pronouns that stand for a speaker; resolved to the most recent plausible person.
PRONOUNS = frozenset({"ia", "dia", "beliau", "dirinya"})

# Verbs that relay a report from another outlet ("seperti dilansir Reuters"); after
# "menurut" only an outlet (OUTLETS, OUTLET_HINTS) is a relay.
RELAY_VERBS = (
    "seperti dilansir dari",
    "seperti dilansir",
    "sebagaimana dilansir",
    "dilansir dari",
    "dilansir",
    "seperti dikutip dari",
    "seperti dikutip",
    "dikutip dari",
    "melansir",
    "mengutip",
    "seperti dilaporkan",
    "dilaporkan",
    "menurut laporan",
    "menurut",
)

# News outlets and agencies: after "menurut", these are a relay (via), not a speaker.
OUTLETS = frozenset(
    {
        "the new york times",
        "new york times",
        "nyt",
        "reuters",
        "afp",
        "ap",
        "associated press",
        "antara",
        "bbc",
        "cnn",
        "al jazeera",
        "aljazeera",
        "bloomberg",
        "the hill",
        "xinhua",
        "tass",
        "ria novosti",
        "kyodo",
        "sputnik",
        "detikcom",
        "detik",
        "kompas",
        "kompas.com",
        "tempo",
        "kontan",
        "cnbc",
        "cnbc indonesia",
        "the guardian",
        "guardian",
        "the washington post",
        "washington post",
        "wall street journal",
        "the wall street journal",
        "wsj",
        "financial times",
        "the economist",
        "politico",
        "axios",
        "nikkei",
        "yonhap",
        "the times",
        "the telegraph",
        "south china morning post",
        "scmp",
        "global times",
        "straits times",
        "the straits times",
        "channel news asia",
        "cna",
        "abc news",
        "nbc news",
        "cbs news",
        "fox news",
        "sky news",
        "dw",
        "deutsche welle",
        "france 24",
        "the independent",
        "daily mail",
        "the jakarta post",
        "jakarta post",
        "republika",
        "liputan6",
        "tribunnews",
        "okezone",
        "suara",
        "cnn indonesia",
        "metro tv",
        "tvone",
        "kumparan",
        "the verge",
        "ifax",
        "interfax",
        "rt",
        "arab news",
        "anadolu",
        "the sun",
        "usa today",
        "time",
        "newsweek",
        "forbes",
        "business insider",
        "insider",
    }
)
OUTLET_HINTS = (
    "times",
    "news",
    "post",
    "journal",
    "press",
    "agency",
    "kantor berita",
    ".com",
    " tv",
    "televisi",
    "radio",
    "harian",
    "majalah",
    "media ",
)

# Lower-case words that end a speaker noun phrase after a cue ("kata Tito *kepada* wartawan").
NP_STOP = _words(
    """
    dalam kepada saat di pada ketika usai seusai melalui lewat dikutip sebagaimana seperti
    kemarin hari pagi siang sore malam waktu ditemui dihubungi dikonfirmasi sambil seraya
    yang dan atau tetapi tapi namun itu ini lagi juga pula pun menurut selepas setelah
    sebelum sejak selama terkait soal mengenai tentang atas bahwa untuk dengan dari ke
    secara via sesuai beberapa
    """
)

# Title, role and generic words that may precede a name ("kata Menteri Luar Negeri Retno
# Marsudi") or stand for no one in particular ("Penyelenggara mengatakan"). Used to find the
# personal name at the end of a phrase when no entity mention covers it.
TITLE_WORDS = _words(
    """
    presiden wakil menteri menko menkeu mendagri menlu menhan menkes ketua kepala direktur
    utama jenderal gubernur bupati wali kota walkot sekretaris sekjen juru bicara jubir
    kapolri kapolda kapolres kapolsek kasat kasatreskrim kabid humas kabag kasubdit dirut
    dirjen komisaris anggota komisi dewan plt pj plh pelaksana tugas deputi asisten staf
    khusus kombes akbp akp iptu ipda aiptu brigjen irjen komjen mayjen letjen laksamana
    marsekal kolonel kapten mayor panglima jaksa agung hakim pengacara kuasa hukum advokat
    pakar pengamat ekonom peneliti analis dosen guru besar prof dr ir drs h hj kh sh mh se
    mm raja ratu pangeran perdana pm senator camat lurah kades ustaz ustad habib kiai warga
    tersangka terdakwa saksi korban pelaku politikus politisi kader bendahara wamen wamenkeu
    wapres kadis kadiv kabareskrim kajati kajari kasi kanit kaur bapak ibu pak bu mas mbak
    bung sang si nyonya tuan rektor dekan founder ceo cfo coo chairman ekonomi luar negeri
    dalam pertahanan keuangan negara dpr dpd mpr ri kpk kpu bawaslu polri polda polres tni
    bpk bps bi ojk pers gedung putih istana kepresidenan kantor kementerian badan lembaga
    partai fraksi umum tinggi bidang koordinator urusan pihak tim polisi pemerintah
    masyarakat mantan eks calon perdagangan perindustrian pertanian kesehatan pendidikan
    perhubungan pariwisata agama sosial kehutanan lingkungan hidup energi sumber daya
    mineral ketenagakerjaan perekonomian investasi koperasi ukm bumn ham kebudayaan olahraga
    pemuda komunikasi informatika digital keamanan politik kemaritiman infrastruktur
    pembangunan kewilayahan desa transmigrasi kelautan perikanan kabinet pupr agraria tata
    ruang bappenas perumahan permukiman penerangan penindakan penyidikan pengawasan
    operasional pemasaran bisnis eksekutif riset hubungan bareskrim kejagung kejaksaan
    pengadilan mahkamah penyelenggara panitia demonstran massa peserta petugas penyidik
    netizen warganet
    """
)

# Words before a quoted phrase that make it a title or a name, not someone's words.
TERM_MARKERS = _words(
    """
    video berjudul bertajuk bertema tajuk judul tagar hashtag akun film lagu buku program
    slogan jargon motto merek merk nama bernama julukan dijuluki sebutan istilah tema
    gerakan kampanye operasi aplikasi fitur kategori label
    """
)

# Short forms of offices used alone for the office holder ("tegas Menaker"), with the
# title they stand for, as roles write it ("Menteri Ketenagakerjaan").
TITLE_ABBREVIATIONS: dict[str, str] = {
    "menaker": "menteri ketenagakerjaan", "menkeu": "menteri keuangan",
    "menlu": "menteri luar negeri", "mendagri": "menteri dalam negeri",
    "menhan": "menteri pertahanan", "menkes": "menteri kesehatan",
    "mendag": "menteri perdagangan", "menperin": "menteri perindustrian",
    "menag": "menteri agama", "mentan": "menteri pertanian", "menhub": "menteri perhubungan",
    "mensos": "menteri sosial", "menpora": "menteri pemuda dan olahraga",
    "menpar": "menteri pariwisata", "mensesneg": "menteri sekretaris negara",
    "menkomdigi": "menteri komunikasi dan digital", "menkop": "menteri koperasi",
    "mendikdasmen": "menteri pendidikan dasar dan menengah",
    "menlhk": "menteri lingkungan hidup dan kehutanan",
    "wapres": "wakil presiden", "wagub": "wakil gubernur", "wabup": "wakil bupati",
    "walkot": "wali kota", "dubes": "duta besar", "jubir": "juru bicara",
    "sekjen": "sekretaris jenderal", "ketum": "ketua umum", "seskab": "sekretaris kabinet",
}
# The short forms are titles too: "tegas Menaker" names no one by name.
TITLE_WORDS = TITLE_WORDS | frozenset(TITLE_ABBREVIATIONS)
