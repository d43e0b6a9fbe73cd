//! End-to-end tests reading real files from a temporary directory.

use std::fs;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use dyad_ingest::{open, Document, InputFormat, OpenError, Options};

/// A unique temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "dyad-ingest-test-{}-{tag}-{n}-{nanos}",
            std::process::id()
        ));
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, name: &str, data: &[u8]) -> String {
        let p = self.0.join(name);
        fs::write(&p, data).unwrap();
        p.to_str().unwrap().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn only_doc(path: &str, opts: &Options) -> (Document, Vec<String>) {
    let mut s = open(path, opts).unwrap();
    let doc = s.next().unwrap().unwrap();
    assert!(s.next().is_none());
    (doc, s.warnings().to_vec())
}

#[test]
fn missing_file_is_not_found() {
    let dir = TempDir::new("missing");
    let path = dir.0.join("nope.jsonl");
    let err = open(path.to_str().unwrap(), &Options::default()).expect_err("must fail");
    assert!(matches!(err, OpenError::NotFound(ref p) if p.ends_with("nope.jsonl")));
    assert!(err.to_string().contains("nope.jsonl"));
}

#[test]
fn directory_is_io_error() {
    let dir = TempDir::new("dir");
    let err = open(dir.0.to_str().unwrap(), &Options::default()).expect_err("must fail");
    assert!(matches!(err, OpenError::Io(..)));
}

#[test]
fn jsonl_file_streams_with_errors_and_fallbacks() {
    let dir = TempDir::new("jsonl");
    let data = concat!(
        "{\"id\": \"a1\", \"text\": \"First.\", \"date\": \"2016-05-17T10:00:00Z\", \"title\": \"T\"}\n",
        "\n",
        "   \n",
        "{\"text\": \"No id.\", \"date\": \"2016-05-17T23:30:00-05:00\"}\n",
        "{\"text\": \"broken\"\n",
        "{\"id\": 42, \"text\": \"Numeric id.\"}\n",
        "\"just a string\"\n",
        "{\"id\": \"x\", \"text\": null}\n",
        "{\"id\": \"y\", \"text\": \"bad date\", \"date\": \"17 of May\"}\n",
        "{\"id\": \"z\", \"text\": \"Published.\", \"published\": \"2016-05-20T00:00:00+09:00\", \"source\": \"AFP\", \"url\": \"http://x\"}\n",
    );
    let path = dir.write("news.jsonl", data.as_bytes());
    let opts = Options {
        format: None,
        default_date: date(1999, 12, 31),
    };
    let items: Vec<_> = open(&path, &opts).unwrap().collect();
    assert_eq!(items.len(), 8);

    let d0 = items[0].as_ref().unwrap();
    assert_eq!(d0.id, "a1");
    assert_eq!(d0.date, date(2016, 5, 17));
    assert_eq!(d0.title.as_deref(), Some("T"));

    let d1 = items[1].as_ref().unwrap();
    assert_eq!(d1.id, "news:4");
    assert_eq!(d1.date, date(2016, 5, 17), "time zone must not be applied");

    let e = items[2].as_ref().unwrap_err();
    assert_eq!(e.line, 5);
    assert_eq!(e.file, path);
    assert!(e.to_string().starts_with(&format!("{path}:5: ")));

    let d3 = items[3].as_ref().unwrap();
    assert_eq!((d3.id.as_str(), d3.date), ("42", date(1999, 12, 31)));

    assert_eq!(items[4].as_ref().unwrap_err().line, 7);
    assert_eq!(items[5].as_ref().unwrap_err().line, 8);
    assert_eq!(items[6].as_ref().unwrap_err().line, 9);

    let d7 = items[7].as_ref().unwrap();
    assert_eq!(d7.id, "z");
    assert_eq!(d7.date, date(2016, 5, 20));
    assert_eq!(d7.source.as_deref(), Some("AFP"));
    assert_eq!(d7.url.as_deref(), Some("http://x"));
}

#[test]
fn jsonl_invalid_utf8_warns_with_line() {
    let dir = TempDir::new("utf8");
    let path = dir.write(
        "feed.ndjson",
        b"{\"text\":\"fine\"}\n{\"text\":\"caf\xE9\"}\n{\"text\":\"also fine\"}",
    );
    let mut s = open(&path, &Options::default()).unwrap();
    let docs: Vec<Document> = s.by_ref().map(Result::unwrap).collect();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[1].text, "caf\u{FFFD}");
    assert_eq!(docs[2].id, "feed:3");
    assert_eq!(
        s.warnings(),
        [format!("{path}:2: invalid UTF-8 decoded lossily")]
    );
}

#[test]
fn format_override() {
    let dir = TempDir::new("override");
    let path = dir.write("data.txt", b"{\"id\":\"q\",\"text\":\"x\"}\n");
    let opts = Options {
        format: InputFormat::from_name("jsonl"),
        default_date: None,
    };
    let (doc, _) = only_doc(&path, &opts);
    assert_eq!(doc.id, "q");
    let (doc, _) = only_doc(&path, &Options::default());
    assert_eq!(doc.id, "data");
    assert_eq!(doc.text, "{\"id\":\"q\",\"text\":\"x\"}\n");
}

#[test]
fn text_file_is_one_document() {
    let dir = TempDir::new("text");
    let path = dir.write("story.txt", "Line one.\n\nLine two é.\n".as_bytes());
    let opts = Options {
        format: None,
        default_date: date(2020, 2, 29),
    };
    let (doc, warnings) = only_doc(&path, &opts);
    assert_eq!(doc.id, "story");
    assert_eq!(doc.text, "Line one.\n\nLine two é.\n");
    assert_eq!(doc.date, date(2020, 2, 29));
    assert_eq!(doc.title, None);
    assert!(warnings.is_empty());
}

#[test]
fn text_file_invalid_utf8_warns() {
    let dir = TempDir::new("textutf8");
    let path = dir.write("bad.txt", b"ok \xFF\xFE bytes");
    let (doc, warnings) = only_doc(&path, &Options::default());
    assert_eq!(doc.text, "ok \u{FFFD}\u{FFFD} bytes");
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("bad.txt"));
    assert!(warnings[0].contains("invalid UTF-8"));
}

#[test]
fn html_file_extraction() {
    let dir = TempDir::new("html");
    let page = r#"<!DOCTYPE html>
<html><head>
<title>Fallback title</title>
<meta property="og:title" content="Talks &amp; Tensions">
<meta property="article:published_time" content="2016-05-17T22:00:00-04:00">
<link rel="canonical" href="https://news.example/talks">
<script>document.write("<p>not text</p>");</script>
<style>.p { display: none }</style>
</head><body>
<nav><ul><li>Home</li><li>World</li></ul></nav>
<p>Teaser outside the article.</p>
<article>
  <h1>Talks &amp; Tensions</h1>
  <p>Leaders met on Tuesday &mdash; the &ldquo;first&rdquo; meeting
     in    years.</p>
  <!-- <p>hidden comment</p> -->
  <blockquote>We&rsquo;re hopeful&#8230; &#x201C;truly&#x201D;</blockquote>
  <aside><p>Related stories</p></aside>
</article>
<footer><p>Copyright</p></footer>
</body></html>"#;
    let path = dir.write("page.html", page.as_bytes());
    let (doc, warnings) = only_doc(&path, &Options::default());
    assert!(warnings.is_empty());
    assert_eq!(doc.id, "page");
    assert_eq!(doc.title.as_deref(), Some("Talks & Tensions"));
    assert_eq!(doc.date, date(2016, 5, 17));
    assert_eq!(doc.url.as_deref(), Some("https://news.example/talks"));
    assert_eq!(
        doc.text,
        "Talks & Tensions\n\n\
         Leaders met on Tuesday \u{2014} the \u{201C}first\u{201D} meeting in years.\n\n\
         We\u{2019}re hopeful\u{2026} \u{201C}truly\u{201D}"
    );
}

#[test]
fn html_time_and_meta_dates() {
    let dir = TempDir::new("htmldates");
    let with_time = dir.write(
        "a.htm",
        br#"<meta name="date" content="2001-01-01"><p>By X, <time datetime="2016-05-17T10:00:00+03:00">May 17</time></p>"#,
    );
    let (doc, _) = only_doc(&with_time, &Options::default());
    assert_eq!(doc.date, date(2016, 5, 17));
    assert_eq!(doc.text, "By X, May 17");

    let with_meta = dir.write(
        "b.html",
        br#"<html><head><meta name="publish-date" content="2015-03-04"></head><body><p>x</p></body></html>"#,
    );
    let (doc, _) = only_doc(&with_meta, &Options::default());
    assert_eq!(doc.date, date(2015, 3, 4));

    let none = dir.write("c.html", b"<p>x</p>");
    let opts = Options {
        format: None,
        default_date: date(2010, 10, 10),
    };
    let (doc, _) = only_doc(&none, &opts);
    assert_eq!(doc.date, date(2010, 10, 10));
}

#[test]
fn html_latin1_page() {
    let dir = TempDir::new("latin1");
    let path = dir.write(
        "l.html",
        b"<meta charset=\"iso-8859-1\"><p>Caf\xE9 \x93quoted\x94</p>",
    );
    let (doc, warnings) = only_doc(&path, &Options::default());
    assert!(warnings.is_empty());
    assert_eq!(doc.text, "Caf\u{E9} \u{201C}quoted\u{201D}");

    let path = dir.write("u.html", b"<p>Caf\xE9</p>");
    let (doc, warnings) = only_doc(&path, &Options::default());
    assert_eq!(doc.text, "Caf\u{FFFD}");
    assert_eq!(warnings.len(), 1);
}
