from html.parser import HTMLParser

from warta.web.highlight import Mark, highlight


class _Balance(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.ok, self.text = [], True, []

    def handle_starttag(self, tag, attrs):
        if tag != "br":
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False

    def handle_data(self, data):
        self.text.append(data)


def test_overlapping_marks_give_well_formed_html_and_keep_the_text():
    text = "Putin berkata “teman baik” kepada Xi & <Beijing>."
    marks = [Mark(0, 5, "ent", "a"), Mark(14, 26, "quote", "q"), Mark(15, 20, "ent", "b"),
             Mark(6, 30, "event", "e"), Mark(34, 36, "ent", "c")]
    html = highlight(text, marks)
    p = _Balance()
    p.feed(html)
    assert p.ok and not p.stack
    assert "".join(p.text) == text
    # segments: a | event | quote+event | quote+b+event | quote+event | event | c
    assert html.count("<mark") == 1 + 1 + 2 + 3 + 2 + 1 + 1
