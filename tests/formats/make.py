#!/usr/bin/python3
"""Makes the document fixtures from the seed decisions' text.

For each fixtures/seed-*/input.txt this writes, in tests/formats/SEED/:

  seed.html  an lgo.org.uk-like decision page (hand-written HTML, no tool):
             navigation, a script, a style sheet, a cookie banner, "Back to
             top" links, the header fields as a <dl>, numbered paragraphs as
             <ol>, &rsquo; &lsquo; &pound; &ndash; entities, and a no-break
             space between day and month in every other date;
  seed.pdf   made with ReportLab (Debian python3-reportlab): A4, a running
             header and "Page N of M" on every page, paragraphs wrapped by
             this script, some words hyphenated at line ends, and the first
             "D Month YYYY" date of the body split across a line break;
  seed.docx  made with python-docx (Debian python3-docx): the header fields
             in a one-column table, numbered paragraphs as Word numbered
             lists (w:numPr, restarting in each section as the seed does),
             bullets as a bulleted list, a tab in the decision date line.

and in tests/formats/bad/: encrypted.pdf (ReportLab's standard encryption,
user password "secret") and bomb.docx (a zip whose word/document.xml
inflates to 80 MiB).  The other bad inputs are made by the tests.

  apt-get install python3-reportlab python3-docx
  /usr/bin/python3 tests/formats/make.py   (the Debian python, with the
                                            packages above)

The output is deterministic (no dates or ids from the clock), so running it
again gives the same files.
"""
import html
import io
import os
import re
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "formats")

MONTHS = ("January February March April May June July August September "
          "October November December").split()
DATE = re.compile(r"\b(\d{1,2}) (%s)\b" % "|".join(MONTHS))


def parse(path):
    """The seed as a header and blocks, up to the page's furniture."""
    lines = open(path, encoding="utf-8").read().split("\n")
    header, blocks = {}, []
    body = []
    for line in lines:
        if line.strip() == "Print this page":
            break
        body.append(line)
    it = [l for l in body if l.strip()]
    header["authority"] = it[0].strip()
    rest = []
    for l in it[1:]:
        m = re.match(r"^(Category|Decision date|Decision) : (.*)$", l.strip())
        if m and len(header) < 4 and not rest:
            header[m.group(1)] = m.group(2)
        else:
            rest.append(l)
    for l in rest:
        s = l.strip()
        if s == "Back to top":
            blocks.append(("back",))
            continue
        m = re.match(r"^(\d+)\. (.*)$", s)
        if m and l.startswith(" "):
            blocks.append(("num", int(m.group(1)), m.group(2)))
        elif s.startswith("\u2022 "):
            blocks.append(("bullet", s[2:]))
        elif l.startswith(" "):
            blocks.append(("para", s))
        elif len(s) <= 70 and not s.endswith(".") and not s.startswith("Summary:"):
            blocks.append(("heading", s))
        else:
            blocks.append(("para", s))
    return header, blocks


def lists(blocks):
    """Blocks with runs of numbered paragraphs and bullets grouped."""
    out, cur, last = [], None, 0
    for b in blocks:
        if b[0] in ("num", "bullet"):
            # a number that does not follow on starts a new list (the
            # seed's page restarts its numbering after a bulleted list)
            if b[0] == "num" and cur is not None and b[1] != last + 1:
                cur = None
            if b[0] == "num":
                last = b[1]
            if cur is None:
                cur = ["list", []]
                out.append(cur)
            cur[1].append(b)
        else:
            cur = None
            out.append(b)
    return out


# HTML ---------------------------------------------------------------------

def esc(s, nbsp):
    t = html.escape(s, quote=False)
    t = (t.replace("\u2019", "&rsquo;").replace("\u2018", "&lsquo;")
         .replace("\u00a3", "&pound;").replace("\u2013", "&ndash;")
         .replace("\u2022", "&bull;").replace("\u00a0", "&nbsp;"))

    def sub(m):
        nbsp[0] += 1
        sep = "&nbsp;" if nbsp[0] % 2 else " "
        return m.group(1) + sep + m.group(2)
    return DATE.sub(sub, t)


def write_html(path, header, blocks):
    nbsp = [0]
    o = []
    w = o.append
    w("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
    w("<title>%s - Local Government and Social Care Ombudsman</title>\n"
      % esc(header["authority"], nbsp))
    w("<style>body { font-family: sans-serif } .cookie-banner { position: fixed }</style>\n")
    w("<script>window.dataLayer = []; document.write('<p>Not the decision</p>');</script>\n")
    w("</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n")
    w("<div class=\"cookie-banner\" id=\"cookie-banner\"><h2>Review your privacy settings</h2>"
      "<p>These cookies enable the website to function properly.</p>"
      "<button>Accept</button></div>\n")
    w("<header class=\"site-header\"><a href=\"/\">LGO logogram</a><nav><ul>"
      "<li><a href=\"/make-a-complaint\">Make a complaint</a></li>"
      "<li><a href=\"/decisions\">Decisions</a></li>"
      "<li><a href=\"/contact-us\">Contact us</a></li></ul></nav>"
      "<form action=\"/search\"><label>Search</label><input name=\"q\"></form></header>\n")
    w("<div class=\"breadcrumb\"><a href=\"/\">Home</a> &gt; <a href=\"/decisions\">Decisions</a></div>\n")
    w("<main id=\"main\">\n<article class=\"decision\">\n")
    w("<h1 class=\"decision-title\">%s</h1>\n" % esc(header["authority"], nbsp))
    w("<dl class=\"decision-meta\">\n")
    for k in ("Category", "Decision", "Decision date"):
        w("  <dt>%s</dt>\n  <dd>%s</dd>\n" % (k, esc(header[k], nbsp)))
    w("</dl>\n<div class=\"decision-body\">\n")
    for b in lists(blocks):
        if b[0] == "back":
            w("<p class=\"back-to-top\"><a href=\"#top\">Back to top</a></p>\n")
        elif b[0] == "heading":
            w("<h2>%s</h2>\n" % esc(b[1], nbsp))
        elif b[0] == "para":
            w("<p>%s</p>\n" % esc(b[1], nbsp))
        else:
            items = b[1]
            first = items[0][1] if items[0][0] == "num" else 1
            w("<ol%s>\n" % ("" if first == 1 else " start=\"%d\"" % first))
            open_li = False
            in_ul = False
            for it in items:
                if it[0] == "num":
                    if in_ul:
                        w("</ul>")
                        in_ul = False
                    if open_li:
                        w("</li>\n")
                    # a line break in the source: collapsed by the reader
                    text = esc(it[2], nbsp).replace(". ", ".\n      ", 1)
                    w("  <li>%s" % text)
                    open_li = True
                else:
                    if not open_li:
                        w("  <li>")
                        open_li = True
                    if not in_ul:
                        w("\n    <ul>")
                        in_ul = True
                    w("<li>%s</li>" % esc(it[1], nbsp))
            if in_ul:
                w("</ul>")
            if open_li:
                w("</li>\n")
            w("</ol>\n")
    w("</div>\n</article>\n</main>\n")
    w("<aside class=\"actions\"><a href=\"javascript:print()\">Print this page</a></aside>\n")
    w("<footer><p>&copy; Local Government and Social Care Ombudsman</p>"
      "<ul><li><a href=\"/privacy\">Privacy</a></li></ul></footer>\n")
    w("</body>\n</html>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(o))


# DOCX ---------------------------------------------------------------------

def write_docx(path, header, blocks):
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    props = d.core_properties
    import datetime
    fixed = datetime.datetime(2020, 1, 1)
    props.created = props.modified = fixed
    props.last_modified_by = props.author = "caseclock fixtures"
    props.revision = 1

    numbering = d.part.numbering_part.element

    def abstract(aid, fmt, text):
        a = OxmlElement("w:abstractNum")
        a.set(qn("w:abstractNumId"), str(aid))
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), "0")
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            e = OxmlElement(tag)
            e.set(qn("w:val"), val)
            lvl.append(e)
        a.append(lvl)
        # abstractNum elements come before num elements
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(a)
        else:
            numbering.append(a)

    abstract(90, "decimal", "%1.")
    abstract(91, "bullet", "\u2022")
    next_id = [900]

    def new_num(aid, start=None):
        n = OxmlElement("w:num")
        nid = next_id[0]
        next_id[0] += 1
        n.set(qn("w:numId"), str(nid))
        a = OxmlElement("w:abstractNumId")
        a.set(qn("w:val"), str(aid))
        n.append(a)
        if start is not None:
            o = OxmlElement("w:lvlOverride")
            o.set(qn("w:ilvl"), "0")
            s = OxmlElement("w:startOverride")
            s.set(qn("w:val"), str(start))
            o.append(s)
            n.append(o)
        numbering.append(n)
        return nid

    def numbered(p, nid):
        ppr = p._p.get_or_add_pPr()
        numpr = OxmlElement("w:numPr")
        il = OxmlElement("w:ilvl")
        il.set(qn("w:val"), "0")
        ni = OxmlElement("w:numId")
        ni.set(qn("w:val"), str(nid))
        numpr.append(il)
        numpr.append(ni)
        ppr.append(numpr)

    d.add_paragraph(header["authority"], style="Title")
    t = d.add_table(rows=3, cols=1)
    t.style = "Table Grid"
    t.cell(0, 0).text = "Category : " + header["Category"]
    t.cell(1, 0).text = "Decision : " + header["Decision"]
    c = t.cell(2, 0).paragraphs[0]
    c.add_run("Decision date :")
    c.add_run().add_tab()
    c.add_run(header["Decision date"])
    bullets = new_num(91)
    for b in lists(blocks):
        if b[0] == "back":
            continue
        if b[0] == "heading":
            d.add_heading(b[1], level=2)
        elif b[0] == "para":
            d.add_paragraph(b[1])
        else:
            items = b[1]
            first = items[0][1] if items[0][0] == "num" else 1
            nid = new_num(90, first)
            for it in items:
                if it[0] == "num":
                    p = d.add_paragraph(style="List Paragraph")
                    words = it[2].split(" ")
                    # runs split mid-sentence, as Word writes them
                    half = len(words) // 2
                    p.add_run(" ".join(words[:half]) + " ")
                    p.add_run(" ".join(words[half:])).bold = False
                    numbered(p, nid)
                else:
                    p = d.add_paragraph(it[1], style="List Paragraph")
                    numbered(p, bullets)
    buf = io.BytesIO()
    d.save(buf)
    # python-docx writes zip entries with the current time: fix them
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))


# PDF ----------------------------------------------------------------------

def write_pdf(path, header, blocks, encrypt=None):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    W, H = A4
    left, right, top, bottom = 72, W - 72, H - 90, 80
    font, size, leading = "Helvetica", 10.5, 14
    state = {"split_date": 0, "hyphens": 0}

    def wrap(text, width, fnt):
        """Lines of `text`; some long words hyphenated at the line's end,
        and the first day-month pair of the body broken between lines."""
        words = text.split(" ")
        lines, cur = [], ""
        i = 0
        while i < len(words):
            wd = words[i]
            cand = wd if not cur else cur + " " + wd
            force = (state["split_date"] == 0 and cur and re.fullmatch(r"\d{1,2}", words[i - 1] if i else "")
                     and wd in MONTHS and header_done[0])
            if force:
                lines.append(cur)
                state["split_date"] = 1
                cur = wd
                i += 1
                continue
            if stringWidth(cand, fnt, size) <= width:
                cur = cand
                i += 1
                continue
            m = re.fullmatch(r"([a-z]{8,})([,.;:]?)", wd)
            if m and cur and state["hyphens"] % 2 == 0:
                core = m.group(1)
                for k in range(len(core) - 3, 3, -1):
                    if stringWidth(cur + " " + core[:k] + "-", fnt, size) <= width:
                        lines.append(cur + " " + core[:k] + "-")
                        words[i] = core[k:] + m.group(2)
                        cur = ""
                        break
                else:
                    lines.append(cur)
                    cur = ""
                state["hyphens"] += 1
                continue
            if m:
                state["hyphens"] += 1
            if cur:
                lines.append(cur)
                cur = ""
            else:
                lines.append(wd)
                i += 1
        if cur:
            lines.append(cur)
        return lines

    header_done = [False]
    # layout: a list of pages, each a list of (x, y, font, text)
    pages, page = [], []
    y = [top]

    def need(h):
        if y[0] - h < bottom:
            pages.append(page[:])
            page.clear()
            y[0] = top

    def para(text, x=left, indent_first=None, fnt=font, gap=8, marker=None):
        lines = wrap(text, right - x, fnt)
        for j, ln in enumerate(lines):
            need(leading)
            if j == 0 and marker:
                page.append((x - 18, y[0], font, marker))
            page.append((x, y[0], fnt, ln))
            y[0] -= leading
        y[0] -= gap

    para(header["authority"], fnt="Helvetica-Bold")
    for k in ("Category", "Decision", "Decision date"):
        para("%s : %s" % (k, header[k]))
    header_done[0] = True
    for b in blocks:
        if b[0] == "back":
            continue
        if b[0] == "heading":
            y[0] -= 6
            need(3 * leading)
            para(b[1], fnt="Helvetica-Bold")
        elif b[0] == "para":
            para(b[1])
        elif b[0] == "num":
            para(b[2], x=left + 20, marker="%d." % b[1], gap=6)
        elif b[0] == "bullet":
            para(b[1], x=left + 40, marker="\u2022", gap=4)
    pages.append(page[:])
    run = "Final decision: %s" % header["authority"]
    kw = {}
    if encrypt:
        from reportlab.lib import pdfencrypt
        kw["encrypt"] = pdfencrypt.StandardEncryption(encrypt, canModify=0)
    c = canvas.Canvas(path, pagesize=A4, invariant=1, **kw)
    c.setTitle(header["authority"])
    for n, pg in enumerate(pages, 1):
        c.setFont("Helvetica", 8)
        c.drawString(left, H - 50, run)
        c.drawRightString(right, 40, "Page %d of %d" % (n, len(pages)))
        for x, yy, fnt, text in pg:
            c.setFont(fnt, size)
            c.drawString(x, yy, text)
        c.showPage()
    c.save()


def main():
    seeds = sorted(d for d in os.listdir(os.path.join(ROOT, "fixtures"))
                   if d.startswith("seed-"))
    for s in seeds:
        header, blocks = parse(os.path.join(ROOT, "fixtures", s, "input.txt"))
        d = os.path.join(OUT, s)
        os.makedirs(d, exist_ok=True)
        write_html(os.path.join(d, "seed.html"), header, blocks)
        write_pdf(os.path.join(d, "seed.pdf"), header, blocks)
        write_docx(os.path.join(d, "seed.docx"), header, blocks)
    bad = os.path.join(OUT, "bad")
    os.makedirs(bad, exist_ok=True)
    header, blocks = parse(os.path.join(ROOT, "fixtures", seeds[0], "input.txt"))
    write_pdf(os.path.join(bad, "encrypted.pdf"), header, blocks[:6], encrypt="secret")
    with zipfile.ZipFile(os.path.join(bad, "bomb.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        zi = zipfile.ZipInfo("[Content_Types].xml", date_time=(2020, 1, 1, 0, 0, 0))
        z.writestr(zi, "<Types/>")
        zi = zipfile.ZipInfo("word/document.xml", date_time=(2020, 1, 1, 0, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(zi, b"<" * (80 * 1024 * 1024))


if __name__ == "__main__":
    sys.exit(main())
