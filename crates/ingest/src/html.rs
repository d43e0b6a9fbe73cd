//! A small, forgiving HTML scanner and main-text extractor.
//!
//! This is not a conforming HTML5 parser: it tokenizes tags, comments and
//! text, keeps a stack of open elements with the few implicit-close rules that
//! matter for paragraphs (`<p>`, `<li>`, headings), and collects text from
//! paragraph-like elements.

use crate::entities::decode_entities;
use crate::{parse_date, Document};
use chrono::NaiveDate;
use std::collections::HashMap;

// ---------------------------------------------------------------------------
// Tokenizer
// ---------------------------------------------------------------------------

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End {
        name: String,
    },
    Text(&'a str),
    /// Content of a raw-text element (`script`, `style`, `title`, ...).
    Raw {
        name: String,
        content: &'a str,
    },
}

/// Elements whose content is not markup.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "title"
            | "textarea"
            | "noscript"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
    )
}

struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// Set after a raw-text start tag: the next token is its content.
    raw: Option<String>,
}

impl<'a> Tokenizer<'a> {
    fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            pos: 0,
            raw: None,
        }
    }

    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    /// Advance to just after the next occurrence of `needle` (or to the end).
    fn skip_past(&mut self, needle: &str) {
        match self.rest().find(needle) {
            Some(i) => self.pos += i + needle.len(),
            None => self.pos = self.src.len(),
        }
    }

    fn next_token(&mut self) -> Option<Token<'a>> {
        if let Some(name) = self.raw.take() {
            let rest = self.rest();
            let (content_len, consumed) = find_raw_end(rest, &name);
            self.pos += consumed;
            return Some(Token::Raw {
                name,
                content: &rest[..content_len],
            });
        }
        loop {
            let rest = self.rest();
            if rest.is_empty() {
                return None;
            }
            let bytes = rest.as_bytes();
            if bytes[0] != b'<' {
                let len = rest.find('<').unwrap_or(rest.len());
                self.pos += len;
                return Some(Token::Text(&rest[..len]));
            }
            match bytes.get(1) {
                Some(b'!') => {
                    if rest.starts_with("<!--") {
                        // Searching from offset 2 also handles `<!-->`.
                        self.pos += 2;
                        self.skip_past("-->");
                    } else {
                        self.skip_past(">");
                    }
                }
                Some(b'?') => self.skip_past(">"),
                Some(b'/') => match bytes.get(2) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let name_len = tag_name_len(&rest[2..]);
                        let name = rest[2..2 + name_len].to_ascii_lowercase();
                        self.pos += 2 + name_len;
                        self.skip_past(">");
                        return Some(Token::End { name });
                    }
                    _ => self.skip_past(">"),
                },
                Some(c) if c.is_ascii_alphabetic() => return Some(self.start_tag()),
                _ => {
                    self.pos += 1;
                    return Some(Token::Text(&rest[..1]));
                }
            }
        }
    }

    /// Parse a start tag; `self.pos` is at `<` followed by a letter.
    fn start_tag(&mut self) -> Token<'a> {
        let src = self.src;
        let b = src.as_bytes();
        let name_start = self.pos + 1;
        let name_len = tag_name_len(&src[name_start..]);
        let name = src[name_start..name_start + name_len].to_ascii_lowercase();
        let mut i = name_start + name_len;
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i >= b.len() {
                break;
            }
            match b[i] {
                b'>' => {
                    i += 1;
                    break;
                }
                b'/' => {
                    i += 1;
                    if b.get(i) == Some(&b'>') {
                        self_closing = true;
                        i += 1;
                        break;
                    }
                    continue;
                }
                _ => {}
            }
            // Attribute name: at least one byte, so the loop always advances.
            let an_start = i;
            i += 1;
            while i < b.len() && !matches!(b[i], b'=' | b'>' | b'/') && !b[i].is_ascii_whitespace()
            {
                i += 1;
            }
            // `i` only stops on ASCII bytes or the end, so these are char boundaries.
            let attr_name = src[an_start..i].to_ascii_lowercase();
            let mut j = i;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let mut value = String::new();
            if b.get(j) == Some(&b'=') {
                j += 1;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                match b.get(j) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        let vstart = j + 1;
                        let vend = src[vstart..]
                            .find(q as char)
                            .map_or(src.len(), |k| vstart + k);
                        value = decode_entities(&src[vstart..vend]).into_owned();
                        i = (vend + 1).min(src.len());
                    }
                    Some(_) => {
                        let vstart = j;
                        while j < b.len() && b[j] != b'>' && !b[j].is_ascii_whitespace() {
                            j += 1;
                        }
                        value = decode_entities(&src[vstart..j]).into_owned();
                        i = j;
                    }
                    None => i = j,
                }
            }
            attrs.push((attr_name, value));
        }
        self.pos = i.min(src.len());
        if !self_closing && is_raw_text(&name) {
            self.raw = Some(name.clone());
        }
        Token::Start {
            name,
            attrs,
            self_closing,
        }
    }
}

fn tag_name_len(s: &str) -> usize {
    s.bytes()
        .take_while(|&c| !c.is_ascii_whitespace() && c != b'/' && c != b'>')
        .count()
}

/// Find the end of raw text for element `name`: returns (content length,
/// bytes consumed including the closing tag).
fn find_raw_end(s: &str, name: &str) -> (usize, usize) {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(k) = s[from..].find("</") {
        let start = from + k;
        let name_end = start + 2 + name.len();
        if name_end <= b.len()
            && b[start + 2..name_end].eq_ignore_ascii_case(name.as_bytes())
            && match b.get(name_end) {
                None => true,
                Some(&c) => c == b'>' || c == b'/' || c.is_ascii_whitespace(),
            }
        {
            let close = s[name_end..]
                .find('>')
                .map_or(s.len(), |e| name_end + e + 1);
            return (start, close);
        }
        from = start + 2;
    }
    (s.len(), s.len())
}

// ---------------------------------------------------------------------------
// Extraction
// ---------------------------------------------------------------------------

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
    )
}

/// Elements whose content is dropped.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "nav"
            | "header"
            | "footer"
            | "aside"
            | "form"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "canvas"
            | "select"
            | "button"
            | "textarea"
    )
}

/// Paragraph-like elements whose text forms the document body.
fn is_capture(name: &str) -> bool {
    matches!(
        name,
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "blockquote"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements that start a new paragraph/block of text.
fn is_block(name: &str) -> bool {
    is_capture(name)
        || matches!(
            name,
            "html"
                | "body"
                | "div"
                | "section"
                | "article"
                | "main"
                | "ul"
                | "ol"
                | "dl"
                | "dt"
                | "dd"
                | "table"
                | "thead"
                | "tbody"
                | "tfoot"
                | "tr"
                | "td"
                | "th"
                | "caption"
                | "pre"
                | "figure"
                | "figcaption"
                | "address"
                | "center"
                | "details"
                | "summary"
                | "fieldset"
                | "hr"
                | "nav"
                | "header"
                | "footer"
                | "aside"
                | "form"
                | "head"
                | "menu"
                | "hgroup"
        )
}

/// Start tags that implicitly close an open `<p>`.
fn closes_p(name: &str) -> bool {
    is_block(name)
        && !matches!(
            name,
            "html" | "body" | "head" | "td" | "th" | "tr" | "caption"
        )
}

#[derive(Default)]
struct Para {
    /// Index of the top-level `<article>` this paragraph is in.
    article: Option<usize>,
    /// True if from a paragraph-like element (p, h1-h6, li, blockquote).
    captured: bool,
    text: String,
}

#[derive(Default)]
struct Extractor {
    stack: Vec<String>,
    /// Number of open elements per name (avoids scanning the stack for
    /// elements that are not open at all).
    open: HashMap<String, usize>,
    headings: usize,
    skip: usize,
    capture: usize,
    h1: usize,
    article: usize,
    articles_seen: usize,
    current_article: Option<usize>,

    all_buf: String,
    cap_buf: String,
    paras: Vec<Para>,

    h1_buf: String,
    first_h1: Option<String>,
    title: Option<String>,
    og_title: Option<String>,
    og_url: Option<String>,
    canonical: Option<String>,
    site_name: Option<String>,
    published_time: Option<NaiveDate>,
    time_date: Option<NaiveDate>,
    meta_date: Option<NaiveDate>,
}

fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn non_empty(s: &str) -> Option<String> {
    let c = collapse_ws(s);
    (!c.is_empty()).then_some(c)
}

fn set_once<T>(slot: &mut Option<T>, value: impl FnOnce() -> Option<T>) {
    if slot.is_none() {
        *slot = value();
    }
}

fn attr<'b>(attrs: &'b [(String, String)], name: &str) -> Option<&'b str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

impl Extractor {
    fn flush(&mut self) {
        let captured = non_empty(&self.cap_buf);
        let all = non_empty(&self.all_buf);
        self.cap_buf.clear();
        self.all_buf.clear();
        if let Some(text) = captured {
            self.paras.push(Para {
                article: self.current_article,
                captured: true,
                text,
            });
        } else if let Some(text) = all {
            self.paras.push(Para {
                article: self.current_article,
                captured: false,
                text,
            });
        }
    }

    fn push(&mut self, name: String) {
        if is_skipped(&name) {
            self.skip += 1;
        }
        if is_capture(&name) {
            self.capture += 1;
        }
        if name == "h1" {
            self.h1 += 1;
        }
        if name == "article" {
            self.article += 1;
            if self.article == 1 {
                self.current_article = Some(self.articles_seen);
                self.articles_seen += 1;
            }
        }
        if is_heading(&name) {
            self.headings += 1;
        }
        *self.open.entry(name.clone()).or_insert(0) += 1;
        self.stack.push(name);
    }

    /// Pop elements down to (and including) index `idx`.
    fn pop_to(&mut self, idx: usize) {
        if self.stack[idx..].iter().any(|n| is_block(n)) {
            self.flush();
        }
        while self.stack.len() > idx {
            let Some(name) = self.stack.pop() else { break };
            if let Some(c) = self.open.get_mut(&name) {
                *c -= 1;
                if *c == 0 {
                    self.open.remove(&name);
                }
            }
            if is_heading(&name) {
                self.headings -= 1;
            }
            if is_skipped(&name) {
                self.skip -= 1;
            }
            if is_capture(&name) {
                self.capture -= 1;
            }
            if name == "h1" {
                self.h1 -= 1;
                if self.h1 == 0 {
                    set_once(&mut self.first_h1, || non_empty(&self.h1_buf));
                    self.h1_buf.clear();
                }
            }
            if name == "article" {
                self.article -= 1;
                if self.article == 0 {
                    self.current_article = None;
                }
            }
        }
    }

    /// Index of the nearest open element satisfying `pred`, searching from the
    /// top of the stack and stopping at any element satisfying `stop`.
    fn is_open(&self, name: &str) -> bool {
        self.open.contains_key(name)
    }

    fn find_open(&self, pred: impl Fn(&str) -> bool, stop: impl Fn(&str) -> bool) -> Option<usize> {
        for (i, n) in self.stack.iter().enumerate().rev() {
            if pred(n) {
                return Some(i);
            }
            if stop(n) {
                return None;
            }
        }
        None
    }

    fn text(&mut self, t: &str) {
        if self.h1 > 0 && self.first_h1.is_none() {
            self.h1_buf.push_str(&decode_entities(t));
        }
        if self.skip > 0 {
            return;
        }
        let t = decode_entities(t);
        self.all_buf.push_str(&t);
        if self.capture > 0 {
            self.cap_buf.push_str(&t);
        }
    }

    fn start(&mut self, name: String, attrs: &[(String, String)], self_closing: bool) {
        match name.as_str() {
            "meta" => self.meta(attrs),
            "link" => {
                let is_canonical = attr(attrs, "rel").is_some_and(|rel| {
                    rel.split_whitespace()
                        .any(|t| t.eq_ignore_ascii_case("canonical"))
                });
                if is_canonical && self.canonical.is_none() {
                    self.canonical = attr(attrs, "href").and_then(non_empty);
                }
            }
            "time" => {
                set_once(&mut self.time_date, || {
                    attr(attrs, "datetime").and_then(parse_date)
                });
            }
            "br" => self.text(" "),
            _ => {}
        }
        if is_block(&name) {
            self.flush();
        }
        // Implicit end tags.
        let boundary = |n: &str| {
            matches!(
                n,
                "table" | "td" | "th" | "caption" | "button" | "html" | "template" | "object"
            )
        };
        if closes_p(&name) && self.is_open("p") {
            if let Some(i) = self.find_open(|n| n == "p", boundary) {
                self.pop_to(i);
            }
        }
        if name == "li" && self.is_open("li") {
            let stop = |n: &str| {
                boundary(n)
                    || matches!(
                        n,
                        "ul" | "ol"
                            | "menu"
                            | "body"
                            | "blockquote"
                            | "section"
                            | "article"
                            | "main"
                            | "nav"
                            | "aside"
                            | "header"
                            | "footer"
                    )
            };
            if let Some(i) = self.find_open(|n| n == "li", stop) {
                self.pop_to(i);
            }
        }
        if matches!(name.as_str(), "dt" | "dd") && (self.is_open("dt") || self.is_open("dd")) {
            let stop = |n: &str| boundary(n) || n == "dl";
            if let Some(i) = self.find_open(|n| n == "dt" || n == "dd", stop) {
                self.pop_to(i);
            }
        }
        if is_heading(&name) && self.stack.last().is_some_and(|n| is_heading(n)) {
            let i = self.stack.len() - 1;
            self.pop_to(i);
        }
        if self_closing || is_void(&name) || is_raw_text(&name) {
            return;
        }
        self.push(name);
    }

    fn end(&mut self, name: &str) {
        let found = if self.is_open(name) {
            self.stack.iter().rposition(|n| n == name)
        } else {
            None
        };
        let found = found.or_else(|| {
            if is_heading(name) && self.headings > 0 {
                self.stack.iter().rposition(|n| is_heading(n))
            } else {
                None
            }
        });
        match found {
            Some(i) => self.pop_to(i),
            None => {
                if name == "br" {
                    self.text(" ");
                } else if is_block(name) {
                    self.flush();
                }
            }
        }
    }

    fn raw(&mut self, name: &str, content: &str) {
        if name == "title" && self.title.is_none() && self.skip == 0 {
            self.title = non_empty(&decode_entities(content));
        }
    }

    fn meta(&mut self, attrs: &[(String, String)]) {
        let Some(content) = attr(attrs, "content") else {
            return;
        };
        for key in ["property", "name", "itemprop"] {
            let Some(k) = attr(attrs, key) else { continue };
            let k = k.trim().to_ascii_lowercase();
            match k.as_str() {
                "og:title" => {
                    set_once(&mut self.og_title, || non_empty(content));
                }
                "og:url" => {
                    set_once(&mut self.og_url, || non_empty(content));
                }
                "og:site_name" => {
                    set_once(&mut self.site_name, || non_empty(content));
                }
                "article:published_time" => {
                    set_once(&mut self.published_time, || parse_date(content));
                }
                "date" | "pubdate" | "publish-date" | "publish_date" | "datepublished" => {
                    set_once(&mut self.meta_date, || parse_date(content));
                }
                _ => {}
            }
        }
    }

    fn body_text(&self) -> String {
        let pick = |filter: &dyn Fn(&Para) -> bool| -> Vec<&str> {
            self.paras
                .iter()
                .filter(|p| filter(p))
                .map(|p| p.text.as_str())
                .collect()
        };
        let mut chosen: Vec<&str> = Vec::new();
        if self.articles_seen > 0 {
            // The top-level article with the most paragraph text; if no article
            // has paragraph elements, the one with the most text of any kind.
            for captured_only in [true, false] {
                let mut sizes = vec![0usize; self.articles_seen];
                for p in &self.paras {
                    if let Some(a) = p.article {
                        if p.captured || !captured_only {
                            sizes[a] += p.text.len();
                        }
                    }
                }
                let best = sizes
                    .iter()
                    .enumerate()
                    .max_by_key(|&(i, s)| (*s, std::cmp::Reverse(i)))
                    .filter(|&(_, s)| *s > 0)
                    .map(|(i, _)| i);
                if let Some(best) = best {
                    chosen = pick(&|p| p.article == Some(best) && (p.captured || !captured_only));
                    break;
                }
            }
        }
        if chosen.is_empty() {
            chosen = pick(&|p| p.captured);
        }
        if chosen.is_empty() {
            chosen = pick(&|_| true);
        }
        chosen.join("\n\n")
    }
}

/// Extract the main text and metadata of an HTML page.
///
/// * Content of `script`, `style`, `nav`, `header`, `footer`, `aside`, `form`
///   (and `noscript`, `template`, `svg`, `iframe`, `button`, ...) and comments is dropped.
/// * The text of `p`, `h1`–`h6`, `li` and `blockquote` elements forms the body,
///   one paragraph per element, separated by `"\n\n"`, with whitespace collapsed.
///   Headings (including the `h1` that may also serve as title) stay in the body
///   as their own paragraph.
/// * If the page has `<article>` elements, only the contents of one top-level
///   article is used (the one with the most paragraph text).
/// * If no paragraph-like element has text, all remaining visible text is used,
///   split at block-level elements.
/// * Title: `og:title`, else `<title>`, else the first `<h1>`. Date:
///   `article:published_time`, else the first `<time datetime>`, else
///   `<meta name="date"|"pubdate"|"publish-date">`, else `default_date`.
///   Url: `<link rel="canonical">`, else `og:url`. Source: `og:site_name`.
pub fn html_to_document(id: &str, html: &str, default_date: Option<NaiveDate>) -> Document {
    let html = html.strip_prefix('\u{FEFF}').unwrap_or(html);
    let mut tok = Tokenizer::new(html);
    let mut ex = Extractor::default();
    while let Some(t) = tok.next_token() {
        match t {
            Token::Start {
                name,
                attrs,
                self_closing,
            } => ex.start(name, &attrs, self_closing),
            Token::End { name } => ex.end(&name),
            Token::Text(t) => ex.text(t),
            Token::Raw { name, content } => ex.raw(&name, content),
        }
    }
    if !ex.stack.is_empty() {
        ex.pop_to(0);
    }
    ex.flush();
    if ex.first_h1.is_none() {
        ex.first_h1 = non_empty(&ex.h1_buf);
    }
    let text = ex.body_text();
    Document {
        id: id.to_string(),
        text,
        date: ex
            .published_time
            .or(ex.time_date)
            .or(ex.meta_date)
            .or(default_date),
        title: ex.og_title.or(ex.title).or(ex.first_h1),
        url: ex.canonical.or(ex.og_url),
        source: ex.site_name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(html: &str) -> Document {
        html_to_document("t", html, None)
    }

    #[test]
    fn tokenizer_basics() {
        let mut t = Tokenizer::new("a<B Class='x' data-y=1 checked>b</b><br/>");
        assert_eq!(t.next_token(), Some(Token::Text("a")));
        assert_eq!(
            t.next_token(),
            Some(Token::Start {
                name: "b".into(),
                attrs: vec![
                    ("class".into(), "x".into()),
                    ("data-y".into(), "1".into()),
                    ("checked".into(), String::new())
                ],
                self_closing: false
            })
        );
        assert_eq!(t.next_token(), Some(Token::Text("b")));
        assert_eq!(t.next_token(), Some(Token::End { name: "b".into() }));
        assert!(matches!(
            t.next_token(),
            Some(Token::Start {
                self_closing: true,
                ..
            })
        ));
        assert_eq!(t.next_token(), None);
    }

    #[test]
    fn paragraphs_and_whitespace() {
        let d = doc("<html><body><p>Hello\n   <b>big</b>  world.</p><p>Second&nbsp;one</p><div>ignored div</div></body></html>");
        assert_eq!(d.text, "Hello big world.\n\nSecond one");
    }

    #[test]
    fn drops_scripts_styles_boilerplate_and_comments() {
        let d = doc(
            "<nav><p>Menu</p></nav><header><p>Head</p></header><script>var p = '<p>x</p>';</script>\
             <style>p { color: red }</style><!-- <p>comment</p> --><p>Body</p>\
             <aside><p>Side</p></aside><form><p>Form</p></form><footer><p>Foot</p></footer>",
        );
        assert_eq!(d.text, "Body");
    }

    #[test]
    fn article_preferred() {
        let d = doc("<p>Outside</p><article><h1>Head</h1><p>Inside &amp; here</p><ul><li>one<li>two</ul></article><p>After</p>");
        assert_eq!(d.text, "Head\n\nInside & here\n\none\n\ntwo");
        assert_eq!(d.title.as_deref(), Some("Head"));
    }

    #[test]
    fn largest_article_wins() {
        let d = doc(
            "<article><p>Short</p></article><article><p>A much longer story body.</p></article>",
        );
        assert_eq!(d.text, "A much longer story body.");
    }

    #[test]
    fn unclosed_paragraphs() {
        let d = doc("<p>One<p>Two<div>Three</div><blockquote>Quote</blockquote>");
        assert_eq!(d.text, "One\n\nTwo\n\nQuote");
    }

    #[test]
    fn fallback_to_visible_text() {
        let d = doc("<html><head><title>T</title></head><body><div>Only <span>div</span> text</div><div>More</div></body></html>");
        assert_eq!(d.text, "Only div text\n\nMore");
        assert_eq!(d.title.as_deref(), Some("T"));
    }

    #[test]
    fn metadata() {
        let d = doc(r#"<head><title>Page &amp; Title</title>
            <meta property="og:title" content="OG &quot;Title&quot;">
            <meta property="og:url" content="https://x.example/og">
            <link rel="canonical" href="https://x.example/a">
            <meta property="og:site_name" content="Example News">
            <meta name="date" content="2001-01-01">
            <meta property="article:published_time" content="2016-05-17T23:00:00-05:00">
            </head><body><time datetime="2010-01-01">then</time><p>x</p></body>"#);
        assert_eq!(d.title.as_deref(), Some("OG \"Title\""));
        assert_eq!(d.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(d.source.as_deref(), Some("Example News"));
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2016, 5, 17));
    }

    #[test]
    fn date_fallbacks() {
        let d = doc(
            r#"<meta name="pubdate" content="2001-02-03"><p>x <time datetime="2012-03-04T05:06:07Z">t</time></p>"#,
        );
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2012, 3, 4));
        let d = doc(r#"<meta name="pubdate" content="2001-02-03"><p>x</p>"#);
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2001, 2, 3));
        let dd = NaiveDate::from_ymd_opt(1999, 9, 9);
        assert_eq!(html_to_document("i", "<p>x</p>", dd).date, dd);
        let d = doc(
            r#"<meta property="article:published_time" content="junk"><meta name="date" content="2001-02-03">"#,
        );
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2001, 2, 3));
    }

    #[test]
    fn title_falls_back_to_h1_and_url_to_og() {
        let d = doc(
            r#"<meta property="og:url" content=" https://x/og "><h1> First <i>h1</i></h1><h1>Second</h1>"#,
        );
        assert_eq!(d.title.as_deref(), Some("First h1"));
        assert_eq!(d.url.as_deref(), Some("https://x/og"));
        assert_eq!(d.text, "First h1\n\nSecond");
    }

    #[test]
    fn malformed_inputs_do_not_panic() {
        for s in [
            "",
            "<",
            "</",
            "<p",
            "<p class=\"unterminated",
            "<p class='x",
            "<p a=>",
            "<p =x>text",
            "<!--",
            "<!-->x",
            "<!doctype",
            "<script>never closed",
            "<title>t",
            "</p></div></article>",
            "<p>é<b>ü</b>&#x1F600;&</p>",
            "<<<>>>",
            "<p>a</p/><br/ >",
            "<svg><title>s</title></svg><title>real</title>",
            "\u{FEFF}<p>bom</p>",
            "<scriptx>y</scriptx><script>a</scriptx></script>b",
        ] {
            let _ = doc(s);
        }
        assert_eq!(doc("<p>1 < 2 &lt; 3</p>").text, "1 < 2 < 3");
        assert_eq!(
            doc("<svg><title>s</title></svg><title>real</title>")
                .title
                .as_deref(),
            Some("real")
        );
        assert_eq!(doc("<script>a</scriptx></script><p>b</p>").text, "b");
    }

    #[test]
    fn random_tag_soup_does_not_panic() {
        const PIECES: [&str; 24] = [
            "<p>",
            "</p>",
            "<li>",
            "</ul>",
            "<article>",
            "</article>",
            "<nav>",
            "</nav>",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            "&amp;",
            "&#x1F6",
            "é",
            "<h1 a='",
            "\"",
            ">",
            "<",
            "/>",
            " text ",
            "<title>",
            "</h2>",
            "<br>",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..300 {
            let mut page = String::new();
            for _ in 0..40 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                page.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
            }
            let d = doc(&page);
            assert!(!d.text.contains("\n\n\n"));
        }
    }

    #[test]
    fn deep_nesting_is_linear_enough() {
        let mut page = String::new();
        for _ in 0..20_000 {
            page.push_str("<div><span>");
        }
        for _ in 0..20_000 {
            page.push_str("</b></em><p>x");
        }
        let d = doc(&page);
        assert_eq!(d.text.matches('x').count(), 20_000);
    }
}
