"""Synthetic news stories and near-duplicate copies of them, written for the
near-duplicate tests (no shared data needed): each story is its own random sequence of
Indonesian words, so two stories share no 5-word shingle, while a copy (a new dateline
and credit around the same text) scores a Jaccard similarity of about 0.98 with it."""

from __future__ import annotations

import random

_VOCABULARY = """
pemerintah kota provinsi menteri presiden rakyat warga petani nelayan pedagang pasar harga
beras minyak jalan jembatan sekolah rumah sakit dokter guru murid banjir hujan gempa bantuan
anggaran dana proyek pembangunan kereta bandara pelabuhan kapal pesawat listrik air bersih
sampah hutan tambang pabrik buruh gaji pajak ekspor impor bank kredit investor saham rupiah
dolar sidang hakim jaksa polisi tersangka korban saksi rapat dewan partai pemilu calon suara
kampanye debat survei menolak mendukung meminta menyatakan menjelaskan mengumumkan membangun
memperbaiki mengirim menerima membahas baru lama besar kecil cepat lambat tinggi rendah
penting mendesak utama daerah pusat
"""
_WORDS = _VOCABULARY.split()


def story(n: int, words: int = 300) -> str:
    """Story ``n``: ``words`` words in sentences of eight, the last one a quotation."""
    rng = random.Random(n)
    picked = [rng.choice(_WORDS) for _ in range(words)]
    sentences = [" ".join(picked[i : i + 8]).capitalize() + "." for i in range(0, words - 8, 8)]
    quoted = " ".join(picked[-8:])
    return " ".join(sentences) + f' Ia mengatakan "{quoted}".'


def copy_of(n: int) -> str:
    """A re-published copy of story ``n``: another dateline and credit around it."""
    return f"JAKARTA, Contoh.com - {story(n)} (ant/red)"
