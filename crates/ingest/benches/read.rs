//! Reader throughput: plain site text and HTML pages, in MB/s.
//!
//! The inputs are built here from a few sentences written for the bench
//! and repeated (with a counter, so the repeat detector does not drop
//! them), wrapped in a site header and chrome.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasd_ingest::{read_html, read_text};

const PARAGRAPHS: [&str; 3] = [
    "قالت مصادر أمنية إن مسلحين هاجموا فجر اليوم نقطة تفتيش على الطريق الرئيسي، ما أسفر عن مقتل ثلاثة جنود وإصابة خمسة آخرين بجروح متفاوتة",
    "وأضافت المصادر أن المهاجمين انسحبوا نحو منطقة جبلية وعرة بعد اشتباك استمر قرابة ساعتين، وأن تعزيزات عسكرية وصلت إلى المكان",
    "Troops repelled the assault and seized several motorbikes, the army said in a statement, adding that a search operation was under way",
];

fn plain_article(paragraphs: usize) -> String {
    let mut s = String::from(
        "هجوم على نقطة تفتيش عسكرية\nالأحد 25/سبتمبر/2022 - 11:08 م\nكتب: محرر\nطباعة\nشارك\n\n",
    );
    for i in 0..paragraphs {
        s.push_str(PARAGRAPHS[i % 3]);
        s.push_str(&format!(" ({i}).\n"));
        if i % 10 == 9 {
            s.push_str("اقرأ أيضا: خبر آخر عن المنطقة\n");
        }
    }
    s.push_str("للمزيد\n\nشارك\n");
    s
}

fn html_article(paragraphs: usize) -> String {
    let mut s = String::from(
        r#"<html lang="ar"><head><meta property="og:title" content="هجوم على نقطة تفتيش"><meta property="article:published_time" content="2022-09-25T23:08:00+02:00"></head><body><nav><a>الرئيسية</a><a>العالم</a></nav><article><div class="article-body">"#,
    );
    for i in 0..paragraphs {
        s.push_str(&format!("<p>{} ({i}).</p>", PARAGRAPHS[i % 3]));
        if i % 10 == 9 {
            s.push_str(r#"<div class="related"><a href="/x">خبر آخر</a></div>"#);
        }
    }
    s.push_str("</div></article><footer>footer</footer></body></html>");
    s
}

fn bench(c: &mut Criterion) {
    let plain = plain_article(4000);
    let mut g = c.benchmark_group("read");
    g.throughput(Throughput::Bytes(plain.len() as u64));
    g.bench_function("plain_text", |b| {
        b.iter(|| {
            let doc = read_text("bench", &plain);
            // A fast wrong answer must fail: the body is there.
            assert!(doc.body.len() >= 400);
            doc
        })
    });
    let html = html_article(4000);
    g.throughput(Throughput::Bytes(html.len() as u64));
    g.bench_function("html", |b| {
        b.iter(|| {
            let doc = read_html("bench", &html).expect("body");
            assert!(doc.body.len() >= 4000);
            doc
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
